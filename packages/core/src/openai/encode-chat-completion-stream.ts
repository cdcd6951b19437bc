import { createChatCompletionFramer } from './create-chat-completion-framer';
import type { ChatStreamPart } from './create-chat-completion-stream';
import type { ChatUsage } from './map-workers-ai-chat-usage';

// One encoder for the whole isolate: creating one per event costs CPU on every streamed token.
const encoder = new TextEncoder();

/** Options of `encodeChatCompletionStream`. */
export interface ChatCompletionStreamFraming {
  /** `chat`: `chat.completion.chunk`s with a role chunk; `text`: `/v1/completions` chunks. */
  kind: 'chat' | 'text';
  id: string;
  created: number;
  /** The model name every chunk carries. */
  model: string;
  /** Number of choices (`n`): each gets its own role chunk and finish chunk. */
  choices: number;
  /** `stream_options.include_usage`: send the usage chunk with `choices: []` before `[DONE]`. */
  includeUsage: boolean;
  /**
   * Called once when the stream ends, however it ends, with the summed usage of every upstream
   * call (or an estimate from the forwarded text when none arrived).
   */
  onUsage?: (usage: ChatUsage) => void;
}

/**
 * Frames stream parts as OpenAI server-sent events, with OpenAI's exact sequence: a role chunk
 * per choice first (chat only), then deltas as they arrive, a finish chunk per choice, the usage
 * chunk (`choices: []`) when asked for, and `data: [DONE]`. Every chunk carries the same `id`,
 * `created` and `model`. An error part or a failing upstream read ends the stream with an OpenAI
 * error event and `[DONE]`, never a hang; cancelling the returned stream (a client that went
 * away) cancels the parts and, through them, the upstream call. Parts are pulled one at a time,
 * so nothing is buffered.
 */
export function encodeChatCompletionStream(
  parts: ReadableStream<ChatStreamPart>,
  framing: ChatCompletionStreamFraming,
): ReadableStream<Uint8Array> {
  const reader = parts.getReader();
  const framer = createChatCompletionFramer(framing);

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const roles = framer.start();
      if (roles !== '') controller.enqueue(encoder.encode(roles));
    },
    async pull(controller) {
      for (;;) {
        let next: ReadableStreamReadResult<ChatStreamPart>;
        try {
          next = await reader.read();
        } catch {
          controller.enqueue(
            encoder.encode(
              framer.fail('The connection to Workers AI failed before the answer was complete.'),
            ),
          );
          controller.close();
          return;
        }
        if (next.done) {
          controller.enqueue(encoder.encode(framer.end()));
          controller.close();
          return;
        }
        const events = framer.part(next.value);
        if (framer.ended) {
          controller.enqueue(encoder.encode(events));
          controller.close();
          reader.cancel().catch(() => {});
          return;
        }
        if (events === '') continue;
        controller.enqueue(encoder.encode(events));
        return;
      }
    },
    cancel(reason) {
      framer.report();
      return reader.cancel(reason);
    },
  });
}
