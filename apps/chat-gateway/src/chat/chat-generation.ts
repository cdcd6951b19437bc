import type { ChatChoiceResult, ChatUsage, WorkersAiChatCall } from '@workers-ai-gateways/core';

/** One chat or completion request, planned as one upstream call per choice. */
export interface ChatGeneration {
  /** The Workers AI model to call. */
  model: string;
  /** Upstream inputs of each call, in choice order (`n` > 1 and prompt arrays make several). */
  calls: WorkersAiChatCall[];
  stream: boolean;
  includeUsage: boolean;
  /** Characters sent as prompt, to estimate prompt tokens when the upstream reports none. */
  promptCharacters: number;
}

/** Everything the non-streamed renderers need. */
export interface ChatGenerationResult {
  choices: ChatChoiceResult[];
  usage: ChatUsage;
}
