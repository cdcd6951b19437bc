/**
 * One event of a Workers AI JSON event stream: a parsed `data:` payload, the `[DONE]` sentinel,
 * or an event whose data is not JSON (kept verbatim so the caller can report it).
 */
export type JsonEventStreamItem =
  | { type: 'data'; value: unknown }
  | { type: 'done' }
  | { type: 'malformed'; data: string };

/**
 * Parses one event's `data` (its `data:` lines joined with `\n`). A payload that fails to parse
 * becomes a `malformed` item rather than an exception, so one bad event never tears down a stream.
 */
export function parseJsonEventData(data: string): JsonEventStreamItem {
  const trimmed = data.trim();
  if (trimmed === '[DONE]') return { type: 'done' };
  try {
    return { type: 'data', value: JSON.parse(trimmed) };
  } catch {
    return { type: 'malformed', data };
  }
}
