import { decodeSseStream } from './decode-sse-stream';

/**
 * One item of a JSON event stream: a parsed `data:` payload, the `[DONE]` sentinel, or an
 * event whose data is not JSON (kept verbatim so the caller can report it).
 */
export type JsonEventStreamItem =
  | { type: 'data'; value: unknown }
  | { type: 'done' }
  | { type: 'malformed'; data: string };

/**
 * Turns an SSE byte stream whose events carry JSON (Workers AI and OpenAI streams) into parsed
 * items. A payload that fails to parse becomes a `malformed` item rather than an exception, so
 * one bad event never tears down the whole stream.
 */
export function parseJsonEventStream(body: ReadableStream<Uint8Array>): ReadableStream<JsonEventStreamItem> {
  return decodeSseStream(body).pipeThrough(
    new TransformStream({
      transform(event, controller) {
        const data = event.data.trim();
        if (data === '[DONE]') {
          controller.enqueue({ type: 'done' });
          return;
        }
        try {
          controller.enqueue({ type: 'data', value: JSON.parse(data) });
        } catch {
          controller.enqueue({ type: 'malformed', data: event.data });
        }
      },
    }),
  );
}
