import { estimateTokens } from '../usage/estimate-tokens';
import { asRecord } from '../values/as-record';
import type { JsonEventStreamItem } from '../workers-ai/sse/parse-json-event-data';
import type {
  ChatStreamPart,
  ChatStreamPartOptions,
  ChatStreamPartSink,
  ChatToolCallDelta,
} from './chat-stream-part';
import { createStopSequenceFilter } from './create-stop-sequence-filter';
import { createThinkTagParser } from './create-think-tag-parser';
import { type ChatFinishReason, mapChatFinishReason } from './map-chat-finish-reason';
import { createToolCallId } from './map-workers-ai-chat-tool-call';
import { type ChatUsage, mapWorkersAiChatUsage } from './map-workers-ai-chat-usage';

/** The state of one upstream stream's mapping, fed one parsed event at a time. */
export interface ChatStreamPartMapper {
  /** Maps one parsed upstream event, sending any parts it yields to `sink`. */
  push(item: JsonEventStreamItem, sink: ChatStreamPartSink): void;
  /** Ends the mapping when the upstream stream ends: usage, then the finish or an error. */
  flush(sink: ChatStreamPartSink): void;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Maps parsed Workers AI stream events (either output family) to stream parts of one choice,
 * one event at a time, so a stream stage can call it without a stream of its own per step.
 *
 * Legacy events `{response, tool_calls, p}` and OpenAI-schema `chat.completion.chunk`s (plus
 * the trailing `{response:"", usage}` event both families send) become content, reasoning and
 * tool-call deltas; `p` padding and the choice-less usage event never reach the client. Each
 * piece is forwarded as soon as it is decoded, except text that might be the start of a stop
 * sequence or a `<think>` tag, held only until it resolves. A stop sequence finishes the choice
 * at once; the rest of the upstream stream is still read for its usage numbers. A stream that
 * ends without `[DONE]` or a finish reason, or sends an event that does not parse, yields an
 * `error` part instead of a finish.
 */
export function createChatStreamPartMapper(options: ChatStreamPartOptions): ChatStreamPartMapper {
  const { index } = options;
  const stopFilter = createStopSequenceFilter(options.stop);
  const thinkParser = options.thinkTags ? createThinkTagParser({ startsInReasoning: true }) : undefined;
  const toolCallIds = new Map<number, string>();
  let nextLegacyToolIndex = 0;
  let finished = false;
  let failed = false;
  let sawDone = false;
  let sawToolCalls = false;
  let upstreamFinish: ChatFinishReason | undefined;
  // vLLM names the stop string it stopped at in `stop_reason` (a token id otherwise).
  let upstreamStopSequence: string | undefined;
  let usage: ChatUsage | undefined;
  let forwardedCharacters = 0;

  type Controller = ChatStreamPartSink;

  function emitText(controller: Controller, content: string, reasoning: string): void {
    if (finished) return;
    let forwardedReasoning = reasoning;
    let forwardedContent = content;
    if (thinkParser !== undefined && content !== '') {
      const pieces = thinkParser.push(content);
      forwardedReasoning += pieces.reasoning;
      forwardedContent = pieces.content;
    }
    const filtered = stopFilter.push(forwardedContent);
    const part: ChatStreamPart = { type: 'delta', index };
    if (forwardedReasoning !== '') part.reasoning = forwardedReasoning;
    if (filtered.text !== '') part.content = filtered.text;
    if (part.reasoning !== undefined || part.content !== undefined) {
      forwardedCharacters += forwardedReasoning.length + filtered.text.length;
      controller.enqueue(part);
    }
    if (filtered.stopped) finish(controller, 'stop', filtered.sequence);
  }

  function emitToolCalls(controller: Controller, calls: unknown[]): void {
    if (finished) return;
    const deltas: ChatToolCallDelta[] = [];
    for (const call of calls) {
      const record = asRecord(call);
      if (record === undefined) continue;
      const inner = asRecord(record.function) ?? record;
      const name = typeof inner.name === 'string' && inner.name !== '' ? inner.name : undefined;
      const rawArguments = inner.arguments ?? inner.parameters;
      const argumentsText =
        rawArguments == null
          ? undefined
          : typeof rawArguments === 'string'
            ? rawArguments
            : JSON.stringify(rawArguments);
      const id = typeof record.id === 'string' && record.id !== '' ? record.id : undefined;
      // OpenAI-schema fragments carry `index`; legacy models send each call whole, without one.
      const callIndex =
        typeof record.index === 'number'
          ? record.index
          : name === undefined
            ? undefined
            : nextLegacyToolIndex++;
      if (callIndex === undefined || (name === undefined && id === undefined && !argumentsText)) continue;
      const delta: ChatToolCallDelta = { index: callIndex, function: {} };
      if (!toolCallIds.has(callIndex)) {
        const callId = id ?? createToolCallId();
        toolCallIds.set(callIndex, callId);
        delta.id = callId;
        delta.type = 'function';
        delta.function.name = name ?? '';
        delta.function.arguments = argumentsText ?? '';
      } else {
        if (name !== undefined) delta.function.name = name;
        if (argumentsText !== undefined) delta.function.arguments = argumentsText;
      }
      if (typeof record.index !== 'number')
        nextLegacyToolIndex = Math.max(nextLegacyToolIndex, callIndex + 1);
      forwardedCharacters += (argumentsText ?? '').length + (name ?? '').length;
      deltas.push(delta);
    }
    if (deltas.length === 0) return;
    sawToolCalls = true;
    controller.enqueue({ type: 'delta', index, toolCalls: deltas });
  }

  function releaseHeld(controller: Controller): void {
    if (finished) return;
    let reasoning = '';
    let content = '';
    if (thinkParser !== undefined) {
      const pieces = thinkParser.flush();
      reasoning = pieces.reasoning;
      const filtered = stopFilter.push(pieces.content);
      content = filtered.text;
    }
    content += stopFilter.flush();
    if (reasoning !== '' || content !== '') {
      const part: ChatStreamPart = { type: 'delta', index };
      if (reasoning !== '') part.reasoning = reasoning;
      if (content !== '') part.content = content;
      controller.enqueue(part);
    }
  }

  function finish(controller: Controller, reason: ChatFinishReason, stopSequence?: string): void {
    if (finished) return;
    finished = true;
    const part: ChatStreamPart = { type: 'finish', index, finishReason: reason };
    if (stopSequence !== undefined) part.stopSequence = stopSequence;
    controller.enqueue(part);
  }

  function derivedFinish(): ChatFinishReason {
    if (sawToolCalls) return 'tool_calls';
    if (upstreamFinish !== undefined) return upstreamFinish;
    if (
      options.maxTokens !== undefined &&
      usage !== undefined &&
      usage.completion_tokens >= options.maxTokens
    ) {
      return 'length';
    }
    return 'stop';
  }

  return {
    push(item, controller) {
      if (failed || sawDone) return;
      if (item.type === 'done') {
        sawDone = true;
        return;
      }
      if (item.type === 'malformed') {
        failed = true;
        controller.enqueue({
          type: 'error',
          message: 'Workers AI sent a stream event that is not valid JSON.',
        });
        return;
      }
      const event = asRecord(item.value);
      if (event === undefined) return;
      const eventUsage = mapWorkersAiChatUsage(event.usage);
      if (eventUsage !== undefined) usage = eventUsage;
      const choices = Array.isArray(event.choices) ? event.choices : [];
      for (const choice of choices) {
        const record = asRecord(choice);
        if (record === undefined) continue;
        const delta = asRecord(record.delta) ?? {};
        const reasoning = text(delta.reasoning_content) || text(delta.reasoning);
        emitText(controller, text(delta.content) || text(record.text), reasoning);
        if (Array.isArray(delta.tool_calls)) emitToolCalls(controller, delta.tool_calls);
        const reason = mapChatFinishReason(record.finish_reason);
        if (reason !== undefined) upstreamFinish = reason;
        if (typeof record.stop_reason === 'string' && options.stop.includes(record.stop_reason)) {
          upstreamStopSequence = record.stop_reason;
        }
      }
      if (choices.length === 0) {
        const response = event.response;
        const responseText =
          typeof response === 'string' ? response : response == null ? '' : JSON.stringify(response);
        if (responseText !== '') emitText(controller, responseText, '');
        if (Array.isArray(event.tool_calls)) emitToolCalls(controller, event.tool_calls);
        const reason = mapChatFinishReason(event.finish_reason);
        if (reason !== undefined) upstreamFinish = reason;
      }
      if (upstreamFinish !== undefined && !finished) {
        releaseHeld(controller);
        const reason = derivedFinish();
        finish(controller, reason, reason === 'stop' ? upstreamStopSequence : undefined);
      }
    },
    flush(controller) {
      // Neurons were spent even when the stream failed: report what is known, or an estimate
      // from the forwarded text (about four characters a token) rather than nothing. Usage goes
      // first so that it is counted before an error part ends the client's stream.
      const estimate = estimateTokens(forwardedCharacters);
      controller.enqueue({
        type: 'usage',
        usage: usage ?? { prompt_tokens: 0, completion_tokens: estimate, total_tokens: estimate },
      });
      if (failed || finished) return;
      releaseHeld(controller);
      if (sawDone || upstreamFinish !== undefined) {
        finish(controller, derivedFinish());
        return;
      }
      failed = true;
      controller.enqueue({
        type: 'error',
        message: 'The Workers AI stream ended before the answer was complete.',
      });
    },
  };
}
