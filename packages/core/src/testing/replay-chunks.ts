/**
 * A stream that hands out `chunks` (bytes, or stream parts) one per read, as a network would,
 * then closes; or, with `failAtEnd`, fails the way a dropped connection does.
 */
export function replayChunks<Chunk>(chunks: readonly Chunk[], failAtEnd = false): ReadableStream<Chunk> {
  const queue = [...chunks];
  return new ReadableStream<Chunk>({
    pull(controller) {
      const next = queue.shift();
      if (next !== undefined) controller.enqueue(next);
      else if (failAtEnd) controller.error(new Error('Network connection lost.'));
      else controller.close();
    },
  });
}
