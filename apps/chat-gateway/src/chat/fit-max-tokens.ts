import { type ChatCompletionRequest, estimateTokens, type ResolvedModel } from '@workers-ai-gateways/core';

/**
 * A request whose `max_tokens` is a ceiling rather than a demand (Anthropic's Messages API, which
 * requires one: Claude Code sends 32,000), lowered to what fits in the model's context window
 * beside the prompt, so it is answered by any model of its chain — a 24k-window model included —
 * instead of refused. Left as it is when the model's window is unknown or the prompt alone
 * fills it (then the model's own context error is the right answer).
 */
export function fitMaxTokens(body: ChatCompletionRequest, resolved: ResolvedModel): ChatCompletionRequest {
  const window = resolved.entry?.contextWindow;
  const asked = body.max_tokens;
  if (window === undefined || asked == null) return body;
  const promptTokens = estimateTokens(
    JSON.stringify(body.messages).length + (body.tools == null ? 0 : JSON.stringify(body.tools).length),
  );
  const room = window - promptTokens;
  if (asked <= room || room < 1) return body;
  return { ...body, max_tokens: room };
}
