import { addChatUsage } from '../usage/add-chat-usage';
import { estimateTokens } from '../usage/estimate-tokens';
import type { ChatStreamPart } from './create-chat-completion-stream';
import type { ChatCompletionStreamFraming } from './encode-chat-completion-stream';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** The state of one client stream's framing: turns stream parts into OpenAI SSE text. */
export interface ChatCompletionFramer {
  /** The role chunk of every choice (chat only), sent before anything else. */
  start(): string;
  /** The events of one part (often none: usage is kept for the end). An error part ends the stream. */
  part(part: ChatStreamPart): string;
  /** The usage chunk when asked for and `[DONE]`, once every part was framed. */
  end(): string;
  /** An error event and `[DONE]`, for a stream that broke off. */
  fail(message: string): string;
  /** Reports the usage (once) to `onUsage`, e.g. when the client went away. */
  report(): void;
  /** Whether the stream has ended (`[DONE]` sent); nothing more may be framed. */
  readonly ended: boolean;
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
 * Frames stream parts as OpenAI server-sent events, with OpenAI's exact sequence: a role chunk
 * per choice first (chat only), then deltas as they arrive, a finish chunk per choice, the usage
 * chunk (`choices: []`) when asked for, and `data: [DONE]`. Every chunk carries the same `id`,
 * `created` and `model`. It returns text rather than bytes so that a stream stage can frame all
 * the parts of one upstream chunk and encode them once.
 */
export function createChatCompletionFramer(framing: ChatCompletionStreamFraming): ChatCompletionFramer {
  const object = framing.kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
  let usage: ChatUsage | undefined;
  let reported = false;
  let ended = false;
  let forwardedCharacters = 0;

  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id: framing.id,
    object,
    created: framing.created,
    model: framing.model,
    choices,
    ...(framing.includeUsage ? { usage: null } : {}),
    ...extra,
  });

  const report = () => {
    if (reported) return;
    reported = true;
    // A stream cut off before its usage event still spent neurons: estimate the completion from
    // the forwarded text (about four characters a token) rather than charging nothing.
    const estimate = estimateTokens(forwardedCharacters);
    framing.onUsage?.(usage ?? { prompt_tokens: 0, completion_tokens: estimate, total_tokens: estimate });
  };

  const fail = (message: string) => {
    if (ended) return '';
    ended = true;
    report();
    return event({ error: { message, type: 'api_error', param: null, code: 'upstream_error' } }) + DONE;
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
        usage = addChatUsage(usage, part.usage);
        return '';
      }
      if (part.type === 'error') return fail(part.message);
      if (part.type === 'finish') {
        const choice =
          framing.kind === 'chat'
            ? { index: part.index, delta: {}, logprobs: null, finish_reason: part.finishReason }
            : { index: part.index, text: '', logprobs: null, finish_reason: part.finishReason };
        return event(chunk([choice]));
      }
      forwardedCharacters += (part.content?.length ?? 0) + (part.reasoning?.length ?? 0);
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
      if (framing.includeUsage && usage !== undefined)
        text += event(chunk([], { usage: publicUsage(usage) }));
      report();
      return text + DONE;
    },
  };
}
