/**
 * A byte stream that hands out `chunks` one per read, as a network would, then closes; or, with
 * `failAtEnd`, fails the way a dropped connection does.
 */
export function replayChunks(chunks: readonly Uint8Array[], failAtEnd = false): ReadableStream<Uint8Array> {
  const queue = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next !== undefined) controller.enqueue(next);
      else if (failAtEnd) controller.error(new Error('Network connection lost.'));
      else controller.close();
    },
  });
}
