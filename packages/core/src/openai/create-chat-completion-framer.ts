import type { GatewayError } from '../errors/gateway-error';
import type { ChatStreamFramer } from './chat-stream-part';
import { createStreamUsage } from './create-stream-usage';
import { mapGatewayErrorToOpenAi } from './map-gateway-error-to-openai';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** Options of `createChatCompletionFramer`. */
export interface ChatCompletionStreamFraming {
  /** `chat`: `chat.completion.chunk`s with a role chunk; `text`: `/v1/completions` chunks. */
  kind: 'chat' | 'text';
  id: string;
  created: number;
  /** The model name every chunk carries. */
  model: string;
  /** Number of choices (`n`): each gets its own role chunk and finish chunk. */
  choices: number;
  /** `stream_options.include_usage`: send the usage chunk with `choices: []` before `[DONE]`. */
  includeUsage: boolean;
  /**
   * Called once when the stream ends, however it ends, with the summed usage of every upstream
   * call (or an estimate from the forwarded text when none arrived).
   */
  onUsage?: (usage: ChatUsage) => void;
}

/** The usage a client sees: OpenAI's fields only (Workers AI's `neurons` stays internal). */
function publicUsage(usage: ChatUsage): Omit<ChatUsage, 'neurons'> {
  const { neurons: _neurons, ...visible } = usage;
  return visible;
}

function event(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

const DONE = 'data: [DONE]\n\n';

/**
 * Frames stream parts as OpenAI server-sent events (Chat Completions and legacy Completions),
 * with OpenAI's exact sequence: a role chunk per choice first (chat only), then deltas as they
 * arrive, a finish chunk per choice, the usage chunk (`choices: []`) when asked for, and
 * `data: [DONE]`. Every chunk carries the same `id`, `created` and `model`. A failure is an
 * error event and `[DONE]`.
 */
export function createChatCompletionFramer(framing: ChatCompletionStreamFraming): ChatStreamFramer {
  const object = framing.kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
  const usage = createStreamUsage(framing.onUsage);
  const report = usage.report;
  let ended = false;

  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id: framing.id,
    object,
    created: framing.created,
    model: framing.model,
    choices,
    ...(framing.includeUsage ? { usage: null } : {}),
    ...extra,
  });

  const fail = (message: string, error?: GatewayError) => {
    if (ended) return '';
    ended = true;
    report();
    const body =
      error === undefined
        ? { error: { message, type: 'api_error', param: null, code: 'upstream_error' } }
        : mapGatewayErrorToOpenAi(error);
    return event(body) + DONE;
  };

  return {
    get ended() {
      return ended;
    },
    report,
    fail,
    start() {
      if (framing.kind !== 'chat') return '';
      let text = '';
      for (let index = 0; index < framing.choices; index++) {
        text += event(
          chunk([{ index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]),
        );
      }
      return text;
    },
    part(part) {
      if (ended) return '';
      if (part.type === 'usage') {
        usage.add(part.usage);
        return '';
      }
      if (part.type === 'error') return fail(part.message, part.error);
      if (part.type === 'finish') {
        const choice =
          framing.kind === 'chat'
            ? { index: part.index, delta: {}, logprobs: null, finish_reason: part.finishReason }
            : { index: part.index, text: '', logprobs: null, finish_reason: part.finishReason };
        return event(chunk([choice]));
      }
      usage.forward((part.content?.length ?? 0) + (part.reasoning?.length ?? 0));
      if (framing.kind === 'text') {
        if (part.content === undefined) return '';
        return event(chunk([{ index: part.index, text: part.content, logprobs: null, finish_reason: null }]));
      }
      const delta: Record<string, unknown> = {};
      if (part.reasoning !== undefined) delta.reasoning_content = part.reasoning;
      if (part.content !== undefined) delta.content = part.content;
      if (part.toolCalls !== undefined) delta.tool_calls = part.toolCalls;
      return event(chunk([{ index: part.index, delta, logprobs: null, finish_reason: null }]));
    },
    end() {
      if (ended) return '';
      ended = true;
      let text = '';
      const reported = usage.reported;
      if (framing.includeUsage && reported !== undefined)
        text += event(chunk([], { usage: publicUsage(reported) }));
      report();
      return text + DONE;
    },
  };
}
