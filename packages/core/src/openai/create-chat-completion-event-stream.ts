import { createParser } from 'eventsource-parser';
import type { JsonEventStreamItem } from '../workers-ai/sse/parse-json-event-stream';
import { createChatCompletionFramer } from './create-chat-completion-framer';
import type { ChatCompletionStreamOptions, ChatStreamPart } from './create-chat-completion-stream';
import { createChatStreamPartMapper } from './create-chat-stream-part-mapper';
import type { ChatCompletionStreamFraming } from './encode-chat-completion-stream';

// One encoder for the whole isolate: creating one per stream or event costs CPU on every token.
const encoder = new TextEncoder();

/** The same items `parseJsonEventStream` yields, for one event's data. */
function parseEventData(data: string): JsonEventStreamItem {
  const trimmed = data.trim();
  if (trimmed === '[DONE]') return { type: 'done' };
  try {
    return { type: 'data', value: JSON.parse(trimmed) };
  } catch {
    return { type: 'malformed', data };
  }
}

/**
 * Turns the raw SSE body of one streamed Workers AI chat call into the client's OpenAI event
 * stream: the one-choice case of `parseJsonEventStream` → `createChatCompletionStream` →
 * `encodeChatCompletionStream`, with the same output byte for byte, done in one stage.
 *
 * Why one stage: every upstream token is its own SSE event, and each stream stage it crosses
 * costs a promise, a queue entry and an allocation in the runtime's stream machinery — with the
 * pipeline's ten stages that was most of the gateway's CPU per token. Here each upstream chunk
 * is decoded (`TextDecoder` in streaming mode, `eventsource-parser`'s callback parser), mapped
 * and framed in one call, and all the events it held leave as one `Uint8Array`, as soon as the
 * chunk is read: nothing is held beyond what a stop sequence or `<think>` tag needs.
 *
 * It pulls upstream chunks only as the client reads, so nothing is buffered; cancelling it (a
 * client that went away) cancels the upstream body. A failed upstream read or an error part ends
 * the stream with an OpenAI error event and `[DONE]`, never a hang.
 */
export function createChatCompletionEventStream(
  body: ReadableStream<Uint8Array>,
  options: ChatCompletionStreamOptions,
  framing: ChatCompletionStreamFraming,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const framer = createChatCompletionFramer(framing);
  const mapper = createChatStreamPartMapper(options);
  const decoder = new TextDecoder();
  let output = '';
  const sink = {
    enqueue(part: ChatStreamPart) {
      output += framer.part(part);
    },
  };
  const parser = createParser({
    onEvent(message) {
      // After an error part the stream is over: later events are neither mapped nor framed.
      if (!framer.ended) mapper.push(parseEventData(message.data), sink);
    },
  });
  let endsWithCarriageReturn = false;
  const feed = (text: string) => {
    if (text === '') return;
    endsWithCarriageReturn = text.endsWith('\r');
    parser.feed(text);
  };
  const take = (): Uint8Array => {
    const bytes = encoder.encode(output);
    output = '';
    return bytes;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      output = framer.start();
      if (output !== '') controller.enqueue(take());
    },
    async pull(controller) {
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch {
          output += framer.fail('The connection to Workers AI failed before the answer was complete.');
          controller.enqueue(take());
          controller.close();
          return;
        }
        if (next.done) {
          feed(decoder.decode());
          // `eventsource-parser` waits for the character after a trailing `\r` to tell CR from
          // CRLF and has no flush: one `\n` completes a last event sent with bare CR endings.
          if (endsWithCarriageReturn) parser.feed('\n');
          if (!framer.ended) mapper.flush(sink);
          output += framer.end();
          controller.enqueue(take());
          controller.close();
          return;
        }
        feed(decoder.decode(next.value, { stream: true }));
        if (framer.ended) {
          controller.enqueue(take());
          controller.close();
          reader.cancel().catch(() => {});
          return;
        }
        if (output !== '') {
          controller.enqueue(take());
          return;
        }
      }
    },
    cancel(reason) {
      framer.report();
      return reader.cancel(reason);
    },
  });
}
