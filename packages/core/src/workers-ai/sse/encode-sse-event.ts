// One encoder for the whole isolate: creating one per event costs CPU on every streamed token.
const encoder = new TextEncoder();

/**
 * Encodes one SSE event as `data: <json>\n\n`. The string `'[DONE]'` is sent verbatim, as the
 * OpenAI stream terminator, rather than as the JSON string `"[DONE]"`.
 */
export function encodeSseEvent(data: unknown): Uint8Array {
  if (data === '[DONE]') return encoder.encode('data: [DONE]\n\n');
  // JSON.stringify(undefined) is undefined; `null` keeps the event well formed.
  const json = JSON.stringify(data) ?? 'null';
  return encoder.encode(`data: ${json}\n\n`);
}
