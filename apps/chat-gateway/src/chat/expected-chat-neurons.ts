import { estimateNeurons, estimateTokens } from '@workers-ai-gateways/core';
import type { ChatGeneration } from './chat-generation';

// Workers AI's own default when a request sets no `max_tokens` (reference/workers-ai-facts.md).
const WORKERS_AI_DEFAULT_MAX_TOKENS = 256;

/**
 * What a chat generation can cost at most, for the budget check to hold while it runs: every
 * call's prompt (estimated from its characters) plus its `max_tokens` (Workers AI's default 256
 * when unset) at the model's prices. An upper bound, not a forecast: the charge settles it at
 * the real usage.
 */
export function expectedChatNeurons(generation: ChatGeneration): number {
  const inputTokens = estimateTokens(generation.promptCharacters);
  return generation.calls.reduce(
    (total, call) =>
      total +
      estimateNeurons(generation.model, {
        inputTokens,
        outputTokens: call.maxTokens ?? WORKERS_AI_DEFAULT_MAX_TOKENS,
      }),
    0,
  );
}
