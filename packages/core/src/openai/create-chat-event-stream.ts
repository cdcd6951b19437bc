import type { ChatPartSource, ChatStreamFramer, ChatStreamPartSink } from './chat-stream-part';

// One encoder for the whole isolate: creating one per stream or event costs CPU on every token.
const encoder = new TextEncoder();

const READ_FAILED = 'The connection to Workers AI failed before the answer was complete.';

type Settled =
  | { source: ChatPartSource; result: ReadableStreamReadResult<Uint8Array> }
  | { source: ChatPartSource; error: unknown };

/**
 * The client's event stream of one chat generation, in any protocol: each source's parts
 * (`createUpstreamChatPartSource` for a streamed call, `createResultChatPartSource` for a
 * replayed answer) go through `framer` (Chat Completions, Responses, Anthropic Messages) as they
 * arrive. Several sources (`n` > 1: one upstream call per choice) are read at once and their
 * parts interleaved in the same loop.
 *
 * Why one stage: every upstream token is its own SSE event, and each stream stage it crosses
 * costs a promise, a queue entry and an allocation in the runtime's stream machinery. Here each
 * upstream chunk is read, decoded, mapped and framed in one call, and all the events it held
 * leave as one `Uint8Array` as soon as it is read.
 *
 * It pulls upstream chunks only as the client reads, so nothing is buffered; cancelling it (a
 * client that went away) cancels every upstream body. A failed upstream read or an error part
 * ends the stream with the protocol's error event, never a hang.
 */
export function createChatEventStream(
  sources: ChatPartSource[],
  framer: ChatStreamFramer,
): ReadableStream<Uint8Array> {
  let output = '';
  const sink: ChatStreamPartSink = {
    enqueue(part) {
      output += framer.part(part);
    },
  };
  const take = (): Uint8Array => {
    const bytes = encoder.encode(output);
    output = '';
    return bytes;
  };
  const live = new Set(sources);
  const only = sources.length === 1 ? sources[0] : undefined;
  const pending = new Map<ChatPartSource, Promise<Settled>>();
  const cancelLive = async (reason?: unknown): Promise<void> => {
    const cancelling = [...live].map((source) => source.cancel(reason).catch(() => {}));
    live.clear();
    await Promise.all(cancelling);
  };
  // Several sources: one read in flight per source, the first to settle is handled first.
  const raceReads = async (): Promise<Settled> => {
    for (const source of live) {
      if (!pending.has(source)) {
        pending.set(
          source,
          source.read().then(
            (result) => ({ source, result }),
            (error: unknown) => ({ source, error }),
          ),
        );
      }
    }
    const settled = await Promise.race(pending.values());
    pending.delete(settled.source);
    return settled;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      output = framer.start();
      for (const source of sources) source.start(sink);
      if (output !== '') controller.enqueue(take());
    },
    async pull(controller) {
      for (;;) {
        if (framer.ended) {
          if (output !== '') controller.enqueue(take());
          controller.close();
          cancelLive().catch(() => {});
          return;
        }
        if (live.size === 0) {
          output += framer.end();
          controller.enqueue(take());
          controller.close();
          return;
        }
        let settled: Settled;
        if (only !== undefined) {
          // The common case awaits the read itself: no wrapper promise per chunk.
          try {
            settled = { source: only, result: await only.read() };
          } catch (error) {
            settled = { source: only, error };
          }
        } else {
          settled = await raceReads();
        }
        if ('error' in settled) {
          live.delete(settled.source);
          output += framer.fail(READ_FAILED);
          continue;
        }
        if (settled.result.done) {
          live.delete(settled.source);
          settled.source.finish(sink);
          continue;
        }
        settled.source.push(settled.result.value, sink);
        if (output !== '' && !framer.ended) {
          controller.enqueue(take());
          return;
        }
      }
    },
    cancel(reason) {
      framer.report();
      return cancelLive(reason);
    },
  });
}
