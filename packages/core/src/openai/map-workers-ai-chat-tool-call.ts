/** A tool call in OpenAI's shape. */
export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A fresh OpenAI-style tool call id, for upstream calls that come without one. */
export function createToolCallId(): string {
  return `call_${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/**
 * Reads one upstream tool call, whichever shape it has: legacy models answer
 * `{name, arguments: {…}}` (arguments as an object), OpenAI-schema models
 * `{id, type, function: {name, arguments: "…"}}`. Arguments always leave as a JSON string, as
 * OpenAI clients `JSON.parse` them. Returns undefined for entries with no function name.
 */
export function mapWorkersAiChatToolCall(value: unknown): ChatToolCall | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const inner =
    typeof record.function === 'object' && record.function !== null
      ? (record.function as Record<string, unknown>)
      : record;
  const name = inner.name;
  if (typeof name !== 'string' || name === '') return undefined;
  const rawArguments = inner.arguments ?? inner.parameters;
  const argumentsText = typeof rawArguments === 'string' ? rawArguments : JSON.stringify(rawArguments ?? {});
  const id = typeof record.id === 'string' && record.id !== '' ? record.id : createToolCallId();
  return { id, type: 'function', function: { name, arguments: argumentsText } };
}
