/**
 * Interleaves several streams into one, each item forwarded as soon as its stream yields it
 * (the `n` > 1 case: one upstream call per choice, all streaming at once). The merged stream
 * ends when all sources have ended; an error in any source errors it and cancels the others;
 * cancelling it cancels every source.
 */
export function mergeChatCompletionStreams<Item>(sources: ReadableStream<Item>[]): ReadableStream<Item> {
  if (sources.length === 1 && sources[0] !== undefined) return sources[0];
  const readers = sources.map((source) => source.getReader());
  const pending = new Map<number, Promise<{ which: number; result: ReadableStreamReadResult<Item> }>>();
  const readFrom = (which: number) => {
    const reader = readers[which];
    if (reader === undefined) return;
    pending.set(
      which,
      reader.read().then((result) => ({ which, result })),
    );
  };
  for (let which = 0; which < readers.length; which++) readFrom(which);
  const cancelAll = (reason?: unknown) =>
    Promise.all(readers.map((reader) => reader.cancel(reason).catch(() => {}))).then(() => {});

  return new ReadableStream<Item>({
    async pull(controller) {
      for (;;) {
        if (pending.size === 0) {
          controller.close();
          return;
        }
        let settled: { which: number; result: ReadableStreamReadResult<Item> };
        try {
          settled = await Promise.race(pending.values());
        } catch (error) {
          await cancelAll(error);
          controller.error(error);
          return;
        }
        pending.delete(settled.which);
        if (settled.result.done) continue;
        readFrom(settled.which);
        controller.enqueue(settled.result.value);
        return;
      }
    },
    cancel(reason) {
      return cancelAll(reason);
    },
  });
}
