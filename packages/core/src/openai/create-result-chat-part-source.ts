import type { ChatPartSource, ChatStreamPart } from './chat-stream-part';
import type { ChatCallResult } from './map-workers-ai-chat-response';

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/**
 * A whole (non-streamed) answer as the parts a streamed one would have produced. JSON mode on
 * legacy models does not stream (Workers AI answers `stream: true` with one JSON body), and some
 * models do the same without JSON mode, so the gateway synthesises a correct stream from the
 * answer: reasoning, content and tool calls as one delta each, then the finish and the usage.
 */
export function createResultChatPartSource(result: ChatCallResult, index: number): ChatPartSource {
  const parts: ChatStreamPart[] = [];
  result.choices.forEach((choice, offset) => {
    const choiceIndex = index + offset;
    if (choice.reasoning !== undefined)
      parts.push({ type: 'delta', index: choiceIndex, reasoning: choice.reasoning });
    if (choice.content !== null && choice.content !== '') {
      parts.push({ type: 'delta', index: choiceIndex, content: choice.content });
    }
    if (choice.toolCalls.length > 0) {
      parts.push({
        type: 'delta',
        index: choiceIndex,
        toolCalls: choice.toolCalls.map((call, callIndex) => ({ index: callIndex, ...call })),
      });
    }
    parts.push({
      type: 'finish',
      index: choiceIndex,
      finishReason: choice.finishReason,
      ...(choice.stopSequence === undefined ? {} : { stopSequence: choice.stopSequence }),
    });
  });
  if (result.usage !== undefined) parts.push({ type: 'usage', usage: result.usage });
  return {
    start(sink) {
      for (const part of parts) sink.enqueue(part);
    },
    read: () => Promise.resolve(DONE),
    push() {},
    finish() {},
    cancel: () => Promise.resolve(),
  };
}
