import { EventSourceParserStream } from 'eventsource-parser/stream';

/** One server-sent event: its `data` lines joined with `\n`, plus the optional `event` and `id` fields. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/**
 * Decodes an SSE byte stream (e.g. a Workers AI `text/event-stream` body) into events.
 *
 * UTF-8 characters split across chunks are reassembled by `TextDecoderStream`; line endings
 * (LF, CRLF, CR), multi-line `data:` fields and comments are handled by `eventsource-parser`,
 * a spec-correct parser. An event not terminated by a blank line before the stream ends is
 * dropped, as the SSE spec requires.
 */
export function decodeSseStream(body: ReadableStream<Uint8Array>): ReadableStream<SseEvent> {
  return body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(createTrailingCarriageReturnFix())
    .pipeThrough(new EventSourceParserStream())
    .pipeThrough(
      new TransformStream({
        transform(message, controller) {
          const event: SseEvent = { data: message.data };
          if (message.event !== undefined) event.event = message.event;
          if (message.id !== undefined) event.id = message.id;
          controller.enqueue(event);
        },
      }),
    );
}

/**
 * `eventsource-parser` waits for the character after a trailing `\r` to tell CR from CRLF, and
 * has no flush, so a stream using bare CR line endings would lose its last event. Feeding one
 * `\n` at the end turns that pending `\r` into a complete line ending, and nothing else.
 */
function createTrailingCarriageReturnFix(): TransformStream<string, string> {
  let endsWithCarriageReturn = false;
  return new TransformStream({
    transform(text, controller) {
      if (text.length === 0) return;
      endsWithCarriageReturn = text.endsWith('\r');
      controller.enqueue(text);
    },
    flush(controller) {
      if (endsWithCarriageReturn) controller.enqueue('\n');
    },
  });
}
