/** Token usage in OpenAI's shape, plus the neurons Workers AI reported when it did. */
export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  /** Workers AI's own `usage.neurons` (OpenAI-schema models); never rendered to clients. */
  neurons?: number;
}
