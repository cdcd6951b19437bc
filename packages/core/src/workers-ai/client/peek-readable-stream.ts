/**
 * Reads the first chunk of a stream and hands back a stream that still yields every byte
 * (that chunk first). Cancelling the returned stream cancels the source, so a client
 * disconnect still reaches Workers AI.
 */
export async function peekReadableStream(
  source: ReadableStream<Uint8Array>,
): Promise<{ first: Uint8Array | undefined; stream: ReadableStream<Uint8Array> }> {
  const reader = source.getReader();
  const head = await reader.read();
  const first = head.done ? undefined : head.value;
  let pending = first;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== undefined) {
        controller.enqueue(pending);
        pending = undefined;
        return;
      }
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { first, stream };
}
