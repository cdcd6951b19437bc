import { createParser } from 'eventsource-parser';
import { parseJsonEventData } from '../workers-ai/sse/parse-json-event-data';
import type { ChatPartSource, ChatStreamPartOptions, ChatStreamPartSink } from './chat-stream-part';
import { createChatStreamPartMapper } from './create-chat-stream-part-mapper';

/**
 * The parts of one streamed Workers AI chat call, from its raw SSE body: each chunk is decoded
 * (`TextDecoder` in streaming mode, so a character split across chunks survives, and
 * `eventsource-parser`'s callback parser: LF, CRLF and bare CR line endings, multi-line `data:`,
 * comments; an event cut off before its blank line is dropped, as the SSE spec says) and mapped by
 * `createChatStreamPartMapper` as soon as it is read; nothing is held beyond what a stop
 * sequence or `<think>` tag needs.
 */
export function createUpstreamChatPartSource(
  body: ReadableStream<Uint8Array>,
  options: ChatStreamPartOptions,
): ChatPartSource {
  const reader = body.getReader();
  const mapper = createChatStreamPartMapper(options);
  const decoder = new TextDecoder();
  let sink: ChatStreamPartSink | undefined;
  const parser = createParser({
    onEvent(message) {
      if (sink !== undefined) mapper.push(parseJsonEventData(message.data), sink);
    },
  });
  let endsWithCarriageReturn = false;
  const feed = (text: string, into: ChatStreamPartSink) => {
    if (text === '') return;
    endsWithCarriageReturn = text.endsWith('\r');
    sink = into;
    parser.feed(text);
  };

  return {
    start() {},
    read: () => reader.read(),
    push(chunk, into) {
      feed(decoder.decode(chunk, { stream: true }), into);
    },
    finish(into) {
      feed(decoder.decode(), into);
      // `eventsource-parser` waits for the character after a trailing `\r` to tell CR from
      // CRLF and has no flush: one `\n` completes a last event sent with bare CR endings.
      if (endsWithCarriageReturn) parser.feed('\n');
      mapper.flush(into);
    },
    cancel: (reason) => reader.cancel(reason),
  };
}
