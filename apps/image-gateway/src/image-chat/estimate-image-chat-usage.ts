import { estimateTokens } from '@workers-ai-gateways/core';

/** OpenAI's usage block, estimated at four characters a token (image models count no tokens). */
export function estimateImageChatUsage(prompt: string, contents: readonly string[]) {
  const promptTokens = estimateTokens(prompt.length);
  const completionTokens = contents.reduce((total, content) => total + estimateTokens(content.length), 0);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}
