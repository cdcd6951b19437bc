import { asRecord } from '../values/as-record';
import type { WorkersAiChatCall } from './convert-to-workers-ai-chat-input';
import { createStopSequenceFilter } from './create-stop-sequence-filter';
import { createThinkTagParser } from './create-think-tag-parser';
import { type ChatFinishReason, mapChatFinishReason } from './map-chat-finish-reason';
import { type ChatToolCall, mapWorkersAiChatToolCall } from './map-workers-ai-chat-tool-call';
import { type ChatUsage, mapWorkersAiChatUsage } from './map-workers-ai-chat-usage';

/** One answer of a chat call, ready to render as an OpenAI choice. */
export interface ChatChoiceResult {
  content: string | null;
  reasoning: string | undefined;
  toolCalls: ChatToolCall[];
  finishReason: ChatFinishReason;
  /** The client's stop sequence the text was cut at, when the gateway or vLLM reports it. */
  stopSequence?: string;
}

/** A whole non-streamed chat answer. */
export interface ChatCallResult {
  choices: ChatChoiceResult[];
  /** Undefined when the upstream reported no token counts. */
  usage: ChatUsage | undefined;
}

type CallOptions = Pick<WorkersAiChatCall, 'stop' | 'thinkTags' | 'maxTokens'>;

// In JSON mode legacy models return `response` as a parsed object; OpenAI clients expect the
// JSON text in `content`, so anything that is not a string is serialised back.
function asText(value: unknown): string | undefined {
  if (value == null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function mapToolCalls(value: unknown): ChatToolCall[] {
  if (!Array.isArray(value)) return [];
  return value.map(mapWorkersAiChatToolCall).filter((call): call is ChatToolCall => call !== undefined);
}

function finishChoice(
  text: string | undefined,
  reasoning: string | undefined,
  toolCalls: ChatToolCall[],
  upstreamFinish: ChatFinishReason | undefined,
  usage: ChatUsage | undefined,
  options: CallOptions,
  upstreamStopSequence?: string,
): ChatChoiceResult {
  let content = text ?? '';
  let thought = reasoning;
  // The whole answer is known here, so an answer without any think tag is plain content even
  // for models whose template opens the block in the prompt.
  if (options.thinkTags && (content.includes('</think>') || content.trimStart().startsWith('<think>'))) {
    const parser = createThinkTagParser({ startsInReasoning: true });
    const first = parser.push(content);
    const rest = parser.flush();
    const split = `${first.reasoning}${rest.reasoning}`;
    if (split !== '') thought = thought === undefined ? split : `${thought}${split}`;
    content = `${first.content}${rest.content}`;
  }
  const filter = createStopSequenceFilter(options.stop);
  const filtered = filter.push(content);
  content = filtered.text + filter.flush();
  let finishReason: ChatFinishReason;
  if (toolCalls.length > 0) finishReason = 'tool_calls';
  else if (filtered.stopped) finishReason = 'stop';
  else if (upstreamFinish !== undefined) finishReason = upstreamFinish;
  else if (
    options.maxTokens !== undefined &&
    usage !== undefined &&
    usage.completion_tokens >= options.maxTokens
  )
    finishReason = 'length';
  else finishReason = 'stop';
  const stopSequence =
    filtered.sequence ??
    (finishReason === 'stop' &&
    upstreamStopSequence !== undefined &&
    options.stop.includes(upstreamStopSequence)
      ? upstreamStopSequence
      : undefined);
  return {
    content: toolCalls.length > 0 && content === '' ? null : content,
    reasoning: thought === '' ? undefined : thought,
    toolCalls,
    finishReason,
    ...(stopSequence === undefined ? {} : { stopSequence }),
  };
}

/**
 * Maps a non-streamed Workers AI text-generation result of either family to OpenAI choices:
 * legacy `{response, tool_calls, usage}` (where `response` is an object in JSON mode) and
 * OpenAI-schema `chat.completion` / `text_completion` objects. Reasoning comes from
 * `reasoning_content` (glm, qwen3), `reasoning` (gpt-oss) or inline `<think>` blocks
 * (qwq, deepseek-r1); stop sequences are enforced on the content; legacy models, which report
 * no finish reason, get `tool_calls`, `length` (completion reached `max_tokens`) or `stop`.
 */
export function mapWorkersAiChatResponse(data: unknown, options: CallOptions): ChatCallResult {
  const record = asRecord(data) ?? {};
  const usage = mapWorkersAiChatUsage(record.usage);
  if (Array.isArray(record.choices) && record.choices.length > 0) {
    const choices = record.choices.map((choice) => {
      const entry = asRecord(choice) ?? {};
      const message = asRecord(entry.message) ?? {};
      const reasoning = asText(message.reasoning_content) ?? asText(message.reasoning);
      return finishChoice(
        asText(message.content) ?? asText(entry.text),
        reasoning,
        mapToolCalls(message.tool_calls),
        mapChatFinishReason(entry.finish_reason),
        usage,
        options,
        // vLLM names the stop string it stopped at (`stop_reason`); a token id is not one.
        typeof entry.stop_reason === 'string' ? entry.stop_reason : undefined,
      );
    });
    return { choices, usage };
  }
  const choice = finishChoice(
    asText(record.response),
    undefined,
    mapToolCalls(record.tool_calls),
    mapChatFinishReason(record.finish_reason),
    usage,
    options,
  );
  return { choices: [choice], usage };
}
