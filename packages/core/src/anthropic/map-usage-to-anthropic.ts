import type { ChatUsage } from '../openai/map-workers-ai-chat-usage';

/** Anthropic's usage object. */
export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/**
 * A chat call's usage in Anthropic's terms: `input_tokens` counts only the prompt tokens not
 * read from the prompt cache, which `cache_read_input_tokens` counts (Workers AI's
 * `prompt_tokens_details.cached_tokens`); Workers AI writes its cache at no separate price, so
 * `cache_creation_input_tokens` is 0. With no usage reported, the output is `estimatedOutputTokens`.
 */
export function mapUsageToAnthropic(
  usage: ChatUsage | undefined,
  estimatedOutputTokens: number,
): AnthropicUsage {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached),
    output_tokens: usage?.completion_tokens ?? estimatedOutputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
  };
}
