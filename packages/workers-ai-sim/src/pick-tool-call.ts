import { synthesizeJson } from './synthesize-json';

/** A synthetic function call. */
export interface SyntheticToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * Decides whether the sim calls a tool: when `tool_choice` is "required" or names a function, or the
 * last user message mentions a tool's name. Accepts both the legacy `{name, parameters}` and the
 * OpenAI `{type:"function", function:{…}}` tool shapes.
 */
export function pickToolCall(
  tools: unknown,
  toolChoice: unknown,
  lastUserText: string,
): SyntheticToolCall | undefined {
  if (!Array.isArray(tools) || tools.length === 0 || toolChoice === 'none') return undefined;
  const functions = tools.map((tool: unknown) => {
    const record = typeof tool === 'object' && tool !== null ? (tool as Record<string, unknown>) : {};
    const definition =
      typeof record.function === 'object' && record.function !== null
        ? (record.function as Record<string, unknown>)
        : record;
    return { name: String(definition.name ?? ''), parameters: definition.parameters };
  });
  const chosenName =
    typeof toolChoice === 'object' && toolChoice !== null
      ? (toolChoice as { function?: { name?: unknown } }).function?.name
      : undefined;
  const lowerText = lastUserText.toLowerCase();
  const chosen =
    functions.find((candidate) => candidate.name === chosenName) ??
    functions.find(
      (candidate) => candidate.name !== '' && lowerText.includes(candidate.name.toLowerCase()),
    ) ??
    (toolChoice === 'required' ? functions[0] : undefined);
  if (!chosen) return undefined;
  const argumentsValue = synthesizeJson(chosen.parameters, { requiredOnly: true });
  return {
    name: chosen.name,
    arguments:
      typeof argumentsValue === 'object' && argumentsValue !== null
        ? (argumentsValue as Record<string, unknown>)
        : {},
  };
}
