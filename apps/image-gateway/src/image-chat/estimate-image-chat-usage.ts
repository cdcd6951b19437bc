/** OpenAI's usage block, estimated at four characters a token (image models count no tokens). */
export function estimateImageChatUsage(prompt: string, contents: readonly string[]) {
  const promptTokens = Math.ceil(prompt.length / 4);
  const completionTokens = contents.reduce((total, content) => total + Math.ceil(content.length / 4), 0);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}
