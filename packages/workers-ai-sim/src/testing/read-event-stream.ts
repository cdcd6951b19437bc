import { EventSourceParserStream } from 'eventsource-parser/stream';

/** The `data:` payloads of an SSE byte stream, read with a spec-correct parser as the gateways do. */
export async function readEventStream(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const events: string[] = [];
  const reader = stream
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    events.push(value.data);
  }
}
