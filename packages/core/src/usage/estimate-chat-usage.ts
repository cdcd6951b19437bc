import type { ChatUsage } from './chat-usage';
import { estimateTokens } from './estimate-tokens';

/** OpenAI's usage block estimated from the prompt's and the completion's lengths in characters. */
export function estimateChatUsage(promptCharacters: number, completionCharacters: number): ChatUsage {
  const prompt = estimateTokens(promptCharacters);
  const completion = estimateTokens(completionCharacters);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
