import type { GatewayError } from '../errors/gateway-error';
import type { ChatStreamFramer, ChatStreamPart } from '../openai/chat-stream-part';
import { createStreamUsage } from '../openai/create-stream-usage';
import type { ChatUsage } from '../openai/map-workers-ai-chat-usage';
import { mapGatewayErrorToAnthropic } from './map-gateway-error-to-anthropic';
import { mapStopReason } from './map-stop-reason';
import { mapUsageToAnthropic } from './map-usage-to-anthropic';

/** Options of `createMessagesFramer`. */
export interface MessagesStreamFraming {
  /** The message id (`msg_…`). */
  id: string;
  /** The model name the message carries. */
  model: string;
  /** The prompt's estimated tokens, for `message_start` (Workers AI counts arrive at the end). */
  estimatedInputTokens: number;
  /** Whether reasoning is sent as `thinking` blocks (not when the client disabled thinking). */
  thinking: boolean;
  /** Called once when the stream ends, however it ends, with the call's usage. */
  onUsage?: (usage: ChatUsage) => void;
}

function event(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

type OpenBlock = { kind: 'text' } | { kind: 'thinking' } | { kind: 'tool'; callIndex: number };

/**
 * Frames stream parts as Anthropic Messages server-sent events, named with `event:` lines as
 * Anthropic sends them: `message_start` and a `ping`, then content blocks in the order the parts
 * arrive — `thinking` (`thinking_delta`), `text` (`text_delta`), `tool_use` (`input_json_delta`
 * with the arguments as they stream) — each opened with `content_block_start` and closed with
 * `content_block_stop` before the next; then `message_delta` with the `stop_reason`
 * (`end_turn`, `max_tokens`, `stop_sequence`, `tool_use`) and the usage, and `message_stop`.
 * A failure is Anthropic's `error` event, which ends the stream.
 */
export function createMessagesFramer(framing: MessagesStreamFraming): ChatStreamFramer {
  const usage = createStreamUsage(framing.onUsage);
  const report = usage.report;
  let ended = false;
  let blockIndex = -1;
  let open: OpenBlock | undefined;
  let finish: Extract<ChatStreamPart, { type: 'finish' }> | undefined;

  const close = (): string => {
    if (open === undefined) return '';
    open = undefined;
    return event('content_block_stop', { type: 'content_block_stop', index: blockIndex });
  };

  const openBlock = (block: OpenBlock, contentBlock: Record<string, unknown>): string => {
    const closed = close();
    open = block;
    blockIndex += 1;
    return (
      closed +
      event('content_block_start', {
        type: 'content_block_start',
        index: blockIndex,
        content_block: contentBlock,
      })
    );
  };

  // The hot path (one event per token): the event's fixed text around the delta's value.
  const delta = (deltaType: string, field: string, value: string): string =>
    `event: content_block_delta\ndata: {"type":"content_block_delta","index":${blockIndex},"delta":{"type":"${deltaType}","${field}":${JSON.stringify(value)}}}\n\n`;

  const fail = (message: string, error?: GatewayError) => {
    if (ended) return '';
    ended = true;
    report();
    const body =
      error === undefined
        ? { type: 'error', error: { type: 'api_error', message } }
        : mapGatewayErrorToAnthropic(error);
    return event('error', body);
  };

  const frameDelta = (part: Extract<ChatStreamPart, { type: 'delta' }>): string => {
    let text = '';
    if (part.reasoning !== undefined && framing.thinking) {
      usage.forward(part.reasoning.length);
      if (open?.kind !== 'thinking')
        text += openBlock({ kind: 'thinking' }, { type: 'thinking', thinking: '', signature: '' });
      text += delta('thinking_delta', 'thinking', part.reasoning);
    }
    if (part.content !== undefined) {
      usage.forward(part.content.length);
      if (open?.kind !== 'text') text += openBlock({ kind: 'text' }, { type: 'text', text: '' });
      text += delta('text_delta', 'text', part.content);
    }
    for (const call of part.toolCalls ?? []) {
      const argumentsText = call.function.arguments ?? '';
      usage.forward(argumentsText.length);
      if (open?.kind !== 'tool' || open.callIndex !== call.index) {
        // A call's first fragment carries its id and name; a later one for a closed block is lost
        // only if the model interleaved two calls, which Workers AI's models do not do.
        if (call.id === undefined && open?.kind === 'tool') continue;
        text += openBlock(
          { kind: 'tool', callIndex: call.index },
          {
            type: 'tool_use',
            id: call.id ?? `toolu_${crypto.randomUUID().replaceAll('-', '')}`,
            name: call.function.name ?? '',
            input: {},
          },
        );
      }
      if (argumentsText !== '') text += delta('input_json_delta', 'partial_json', argumentsText);
    }
    return text;
  };

  return {
    get ended() {
      return ended;
    },
    report,
    fail,
    start() {
      return (
        event('message_start', {
          type: 'message_start',
          message: {
            id: framing.id,
            type: 'message',
            role: 'assistant',
            model: framing.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: framing.estimatedInputTokens, output_tokens: 0 },
          },
        }) + event('ping', { type: 'ping' })
      );
    },
    part(part) {
      if (ended) return '';
      switch (part.type) {
        case 'usage':
          usage.add(part.usage);
          return '';
        case 'error':
          return close() + fail(part.message, part.error);
        case 'finish':
          finish = part;
          return '';
        default:
          return frameDelta(part);
      }
    },
    end() {
      if (ended) return '';
      ended = true;
      const stop = mapStopReason(finish?.finishReason ?? 'stop', finish?.stopSequence);
      const text =
        close() +
        event('message_delta', {
          type: 'message_delta',
          delta: { stop_reason: stop.stopReason, stop_sequence: stop.stopSequence },
          usage: mapUsageToAnthropic(usage.reported, usage.estimatedOutput()),
        }) +
        event('message_stop', { type: 'message_stop' });
      report();
      return text;
    },
  };
}
