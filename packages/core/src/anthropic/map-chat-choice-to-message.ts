import type { ChatChoiceResult } from '../openai/map-workers-ai-chat-response';
import type { ChatUsage } from '../openai/map-workers-ai-chat-usage';
import { mapStopReason } from './map-stop-reason';
import { mapUsageToAnthropic } from './map-usage-to-anthropic';

/** What an Anthropic Message is made of besides the answer. */
export interface MessageFraming {
  /** The message id (`msg_…`). */
  id: string;
  /** The model name the message carries. */
  model: string;
  /** Whether reasoning is returned as a `thinking` block (not when the client disabled thinking). */
  thinking: boolean;
}

/** A tool call's arguments as the `input` object Anthropic's `tool_use` block holds. */
function inputOf(argumentsText: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(argumentsText === '' ? '{}' : argumentsText);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // A model that wrote broken JSON: the tool gets no arguments rather than the client a crash.
  }
  return {};
}

/**
 * A non-streamed chat answer as Anthropic's Message object: `thinking`, `text` and `tool_use`
 * content blocks in that order, the `stop_reason` (and `stop_sequence`), and the usage with
 * cached prompt tokens as `cache_read_input_tokens`.
 */
export function mapChatChoiceToMessage(
  choice: ChatChoiceResult,
  usage: ChatUsage,
  framing: MessageFraming,
): Record<string, unknown> {
  const content: Record<string, unknown>[] = [];
  if (framing.thinking && choice.reasoning !== undefined && choice.reasoning !== '') {
    content.push({ type: 'thinking', thinking: choice.reasoning, signature: '' });
  }
  if (choice.content !== null && choice.content !== '') content.push({ type: 'text', text: choice.content });
  for (const call of choice.toolCalls) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: inputOf(call.function.arguments),
    });
  }
  const stop = mapStopReason(choice.finishReason, choice.stopSequence);
  return {
    id: framing.id,
    type: 'message',
    role: 'assistant',
    model: framing.model,
    content,
    stop_reason: stop.stopReason,
    stop_sequence: stop.stopSequence,
    usage: mapUsageToAnthropic(usage, usage.completion_tokens),
  };
}
