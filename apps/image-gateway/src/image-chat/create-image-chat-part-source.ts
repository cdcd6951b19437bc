import { type ChatPartSource, type ChatStreamPart, toGatewayError } from '@workers-ai-gateways/core';
import { estimateImageChatUsage } from './estimate-image-chat-usage';

/** What `createImageChatPartSource` replays. */
export interface ImageChatPartSourceOptions {
  prompt: string;
  /** How many choices the reply has. */
  choices: number;
  /** The markdown content of each choice, once the images are stored; a rejection becomes an error part. */
  contents: Promise<string[]>;
  /** Called when the client goes away before the end, to cancel the upstream calls. */
  onCancel?: () => void;
}

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/**
 * An image reply as chat stream parts, for the one chat event stream and OpenAI framer every
 * chat route uses: nothing until the images are stored (the framer's role chunks show progress
 * meanwhile), then each choice's markdown, its finish and the estimated usage; a failure is an
 * error part carrying the gateway error, so the event keeps its type and code.
 */
export function createImageChatPartSource(options: ImageChatPartSourceOptions): ChatPartSource {
  let parts: ChatStreamPart[] = [];
  return {
    start() {},
    async read() {
      try {
        const contents = await options.contents;
        parts = contents.map((content, index) => ({ type: 'delta', index, content }));
        for (let index = 0; index < options.choices; index++) {
          parts.push({ type: 'finish', index, finishReason: 'stop' });
        }
        parts.push({ type: 'usage', usage: estimateImageChatUsage(options.prompt, contents) });
      } catch (failure) {
        const error = toGatewayError(failure);
        parts = [{ type: 'error', message: error.message, error }];
      }
      return DONE;
    },
    push() {},
    finish(sink) {
      for (const part of parts) sink.enqueue(part);
    },
    async cancel() {
      options.onCancel?.();
    },
  };
}
