import type { JsonEventStreamItem } from '../workers-ai/sse/parse-json-event-stream';
import type { WorkersAiChatCall } from './convert-to-workers-ai-chat-input';
import { createChatStreamPartMapper } from './create-chat-stream-part-mapper';
import type { ChatFinishReason } from './map-chat-finish-reason';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** One streamed tool-call fragment, in OpenAI's `delta.tool_calls[]` shape. */
export interface ChatToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments?: string };
}

/**
 * What one upstream stream contributes to the client's stream, before framing: text, reasoning
 * or tool-call deltas of one choice, that choice's finish, the call's usage, or a failure.
 */
export type ChatStreamPart =
  | { type: 'delta'; index: number; content?: string; reasoning?: string; toolCalls?: ChatToolCallDelta[] }
  | { type: 'finish'; index: number; finishReason: ChatFinishReason }
  | { type: 'usage'; usage: ChatUsage }
  | { type: 'error'; message: string };

/** Options of `createChatCompletionStream`. */
export interface ChatCompletionStreamOptions
  extends Pick<WorkersAiChatCall, 'stop' | 'thinkTags' | 'maxTokens'> {
  /** The OpenAI choice index this upstream call answers. */
  index: number;
}

/**
 * Maps parsed Workers AI stream events of one choice to stream parts, as a stream stage (see
 * `createChatStreamPartMapper` for the mapping itself).
 */
export function createChatCompletionStream(
  options: ChatCompletionStreamOptions,
): TransformStream<JsonEventStreamItem, ChatStreamPart> {
  const mapper = createChatStreamPartMapper(options);
  return new TransformStream<JsonEventStreamItem, ChatStreamPart>({
    transform(item, controller) {
      mapper.push(item, controller);
    },
    flush(controller) {
      mapper.flush(controller);
    },
  });
}
