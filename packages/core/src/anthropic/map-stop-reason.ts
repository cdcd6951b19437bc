import type { ChatFinishReason } from '../openai/map-chat-finish-reason';

/** Anthropic's stop reasons. */
export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';

/**
 * A chat finish reason as Anthropic's `stop_reason`: `stop` is `end_turn`, or `stop_sequence`
 * (with the sequence) when the text was cut at one of the client's `stop_sequences`; `length` is
 * `max_tokens`; `tool_calls` is `tool_use`; `content_filter` is `refusal`.
 */
export function mapStopReason(
  finishReason: ChatFinishReason,
  stopSequence: string | undefined,
): { stopReason: AnthropicStopReason; stopSequence: string | null } {
  switch (finishReason) {
    case 'length':
      return { stopReason: 'max_tokens', stopSequence: null };
    case 'tool_calls':
      return { stopReason: 'tool_use', stopSequence: null };
    case 'content_filter':
      return { stopReason: 'refusal', stopSequence: null };
    default:
      return stopSequence === undefined
        ? { stopReason: 'end_turn', stopSequence: null }
        : { stopReason: 'stop_sequence', stopSequence };
  }
}
