import { estimateImageChatUsage } from './estimate-image-chat-usage';

/** What identifies one chat completion across its body or chunks. */
export interface ImageChatIdentity {
  /** `chatcmpl-...` */
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

/**
 * A non-streamed `chat.completion` whose choices each carry one image as markdown content, the
 * shape chat UIs and OneAPI channels render.
 */
export function createImageChatCompletion(
  identity: ImageChatIdentity,
  prompt: string,
  contents: readonly string[],
) {
  return {
    id: identity.id,
    object: 'chat.completion' as const,
    created: identity.created,
    model: identity.model,
    choices: contents.map((content, index) => ({
      index,
      message: { role: 'assistant' as const, content, refusal: null },
      logprobs: null,
      finish_reason: 'stop' as const,
    })),
    usage: estimateImageChatUsage(prompt, contents),
  };
}
