import { createChatCompletionFramer, createChatEventStream } from '@workers-ai-gateways/core';
import type { ImageChatIdentity } from './create-image-chat-completion';
import { createImageChatPartSource, type ImageChatPartSourceOptions } from './create-image-chat-part-source';

/** What `createImageChatStream` frames. */
export interface ImageChatStreamOptions extends ImageChatPartSourceOptions {
  identity: ImageChatIdentity;
  /** `stream_options.include_usage`: a last chunk with `choices: []` and `usage`. */
  includeUsage: boolean;
}

/**
 * Frames an image reply as an OpenAI chat completion stream with the chat gateway's own framer:
 * a `role` chunk per choice at once (so chat UIs show progress while the image renders), then
 * the content chunks, a `finish_reason: "stop"` chunk per choice, the usage chunk when asked,
 * and `data: [DONE]`. A failure after the first byte ends the stream with an OpenAI error event
 * (its type and code kept) and `[DONE]`, never a hang.
 */
export function createImageChatStream(options: ImageChatStreamOptions): ReadableStream<Uint8Array> {
  const { identity } = options;
  return createChatEventStream(
    [createImageChatPartSource(options)],
    createChatCompletionFramer({
      kind: 'chat',
      id: identity.id,
      created: identity.created,
      model: identity.model,
      choices: options.choices,
      includeUsage: options.includeUsage,
    }),
  );
}
