import type { ChatUsage } from '../usage/chat-usage';

export type { ChatUsage };

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Reads Workers AI's `usage` object tolerantly (both output families use OpenAI's field names;
 * OpenAI-schema models may add `prompt_tokens_details.cached_tokens` and `neurons`). Returns
 * undefined when there are no token counts at all, so callers can estimate instead of reporting
 * zeros.
 */
export function mapWorkersAiChatUsage(value: unknown): ChatUsage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const prompt = count(record.prompt_tokens) ?? count(record.input_tokens);
  const completion = count(record.completion_tokens) ?? count(record.output_tokens);
  if (prompt === undefined && completion === undefined) return undefined;
  const usage: ChatUsage = {
    prompt_tokens: prompt ?? 0,
    completion_tokens: completion ?? 0,
    total_tokens: count(record.total_tokens) ?? (prompt ?? 0) + (completion ?? 0),
  };
  const details = record.prompt_tokens_details;
  const cached =
    typeof details === 'object' && details !== null
      ? count((details as Record<string, unknown>).cached_tokens)
      : undefined;
  if (cached !== undefined) usage.prompt_tokens_details = { cached_tokens: cached };
  const neurons = count(record.neurons);
  if (neurons !== undefined) usage.neurons = neurons;
  return usage;
}
