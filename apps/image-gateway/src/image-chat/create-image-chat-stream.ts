import { createSseEncoderStream, renderOpenAiError, toGatewayError } from '@workers-ai-gateways/core';
import type { ImageChatIdentity } from './create-image-chat-completion';
import { estimateImageChatUsage } from './estimate-image-chat-usage';

/** What `createImageChatStream` frames. */
export interface ImageChatStreamOptions {
  identity: ImageChatIdentity;
  prompt: string;
  /** How many choices to open. */
  choices: number;
  /** `stream_options.include_usage`: a last chunk with `choices: []` and `usage`. */
  includeUsage: boolean;
  /** The markdown content of each choice, once the images are stored; a rejection becomes an error event. */
  contents: Promise<string[]>;
  /** Called when the client goes away before the end, to cancel the upstream calls. */
  onCancel?: () => void;
}

/**
 * Frames an image reply as an OpenAI chat completion stream: a `role` chunk per choice at once
 * (so chat UIs show progress while the image renders), then the content chunk, the chunk with
 * `finish_reason: "stop"`, the usage chunk when asked, and `data: [DONE]`. Every chunk carries
 * the same `id`, `created` and `model`. A failure after the first byte ends the stream with an
 * OpenAI error event and `[DONE]`, never a hang.
 */
export function createImageChatStream(options: ImageChatStreamOptions): ReadableStream<Uint8Array> {
  const { identity, choices, includeUsage } = options;
  const chunk = (choiceList: unknown[], extra: Record<string, unknown> = {}) => ({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: null,
    choices: choiceList,
    ...(includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const indexes = Array.from({ length: choices }, (_, index) => index);
  const events = new ReadableStream<unknown>({
    start(controller) {
      controller.enqueue(
        chunk(
          indexes.map((index) => ({
            index,
            delta: { role: 'assistant', content: '' },
            logprobs: null,
            finish_reason: null,
          })),
        ),
      );
    },
    async pull(controller) {
      try {
        const contents = await options.contents;
        for (const index of indexes) {
          const content = contents[index] ?? '';
          controller.enqueue(chunk([{ index, delta: { content }, logprobs: null, finish_reason: null }]));
        }
        controller.enqueue(
          chunk(indexes.map((index) => ({ index, delta: {}, logprobs: null, finish_reason: 'stop' }))),
        );
        if (includeUsage) {
          controller.enqueue(chunk([], { usage: estimateImageChatUsage(options.prompt, contents) }));
        }
      } catch (error) {
        controller.enqueue(await renderOpenAiError(toGatewayError(error)).json());
      }
      controller.enqueue('[DONE]');
      controller.close();
    },
    cancel() {
      options.onCancel?.();
    },
  });
  return events.pipeThrough(createSseEncoderStream());
}
