import type { ChatUsage } from './chat-usage';

/**
 * `total` plus `usage`, as a new object: tokens add up, cached tokens are kept when either side
 * reports them, and `neurons` only while both sides report it (a partial sum would undercharge).
 */
export function addChatUsage(total: ChatUsage | undefined, usage: ChatUsage): ChatUsage {
  if (total === undefined) return { ...usage };
  const sum: ChatUsage = {
    prompt_tokens: total.prompt_tokens + usage.prompt_tokens,
    completion_tokens: total.completion_tokens + usage.completion_tokens,
    total_tokens: total.total_tokens + usage.total_tokens,
  };
  if (total.prompt_tokens_details !== undefined || usage.prompt_tokens_details !== undefined) {
    sum.prompt_tokens_details = {
      cached_tokens:
        (total.prompt_tokens_details?.cached_tokens ?? 0) + (usage.prompt_tokens_details?.cached_tokens ?? 0),
    };
  }
  if (total.neurons !== undefined && usage.neurons !== undefined) sum.neurons = total.neurons + usage.neurons;
  return sum;
}
