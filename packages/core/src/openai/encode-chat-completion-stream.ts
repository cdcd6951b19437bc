import { encodeSseEvent } from '../workers-ai/sse/encode-sse-event';
import type { ChatStreamPart } from './create-chat-completion-stream';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** Options of `encodeChatCompletionStream`. */
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

function addUsage(total: ChatUsage | undefined, usage: ChatUsage): ChatUsage {
  if (total === undefined) return { ...usage };
  const sum: ChatUsage = {
    prompt_tokens: total.prompt_tokens + usage.prompt_tokens,
    completion_tokens: total.completion_tokens + usage.completion_tokens,
    total_tokens: total.total_tokens + usage.total_tokens,
  };
  const cached =
    (total.prompt_tokens_details?.cached_tokens ?? 0) + (usage.prompt_tokens_details?.cached_tokens ?? 0);
  if (total.prompt_tokens_details !== undefined || usage.prompt_tokens_details !== undefined) {
    sum.prompt_tokens_details = { cached_tokens: cached };
  }
  if (total.neurons !== undefined && usage.neurons !== undefined) sum.neurons = total.neurons + usage.neurons;
  return sum;
}

/** The usage a client sees: OpenAI's fields only (Workers AI's `neurons` stays internal). */
function publicUsage(usage: ChatUsage): Omit<ChatUsage, 'neurons'> {
  const { neurons: _neurons, ...visible } = usage;
  return visible;
}

/**
 * Frames stream parts as OpenAI server-sent events, with OpenAI's exact sequence: a role chunk
 * per choice first (chat only), then deltas as they arrive, a finish chunk per choice, the usage
 * chunk (`choices: []`) when asked for, and `data: [DONE]`. Every chunk carries the same `id`,
 * `created` and `model`. An error part or a failing upstream read ends the stream with an OpenAI
 * error event and `[DONE]`, never a hang; cancelling the returned stream (a client that went
 * away) cancels the parts and, through them, the upstream call. Parts are pulled one at a time,
 * so nothing is buffered.
 */
export function encodeChatCompletionStream(
  parts: ReadableStream<ChatStreamPart>,
  framing: ChatCompletionStreamFraming,
): ReadableStream<Uint8Array> {
  const reader = parts.getReader();
  const object = framing.kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
  let usage: ChatUsage | undefined;
  let reported = false;
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
    const estimate = Math.ceil(forwardedCharacters / 4);
    framing.onUsage?.(usage ?? { prompt_tokens: 0, completion_tokens: estimate, total_tokens: estimate });
  };

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, message: string) => {
    controller.enqueue(
      encodeSseEvent({ error: { message, type: 'api_error', param: null, code: 'upstream_error' } }),
    );
    controller.enqueue(encodeSseEvent('[DONE]'));
    controller.close();
    report();
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (framing.kind !== 'chat') return;
      for (let index = 0; index < framing.choices; index++) {
        controller.enqueue(
          encodeSseEvent(
            chunk([
              { index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
            ]),
          ),
        );
      }
    },
    async pull(controller) {
      for (;;) {
        let next: ReadableStreamReadResult<ChatStreamPart>;
        try {
          next = await reader.read();
        } catch {
          fail(controller, 'The connection to Workers AI failed before the answer was complete.');
          return;
        }
        if (next.done) {
          if (framing.includeUsage && usage !== undefined) {
            controller.enqueue(encodeSseEvent(chunk([], { usage: publicUsage(usage) })));
          }
          controller.enqueue(encodeSseEvent('[DONE]'));
          controller.close();
          report();
          return;
        }
        const part = next.value;
        if (part.type === 'usage') {
          usage = addUsage(usage, part.usage);
          continue;
        }
        if (part.type === 'error') {
          fail(controller, part.message);
          reader.cancel().catch(() => {});
          return;
        }
        if (part.type === 'finish') {
          const choice =
            framing.kind === 'chat'
              ? { index: part.index, delta: {}, logprobs: null, finish_reason: part.finishReason }
              : { index: part.index, text: '', logprobs: null, finish_reason: part.finishReason };
          controller.enqueue(encodeSseEvent(chunk([choice])));
          return;
        }
        forwardedCharacters += (part.content?.length ?? 0) + (part.reasoning?.length ?? 0);
        if (framing.kind === 'text') {
          if (part.content === undefined) continue;
          controller.enqueue(
            encodeSseEvent(
              chunk([{ index: part.index, text: part.content, logprobs: null, finish_reason: null }]),
            ),
          );
          return;
        }
        const delta: Record<string, unknown> = {};
        if (part.reasoning !== undefined) delta.reasoning_content = part.reasoning;
        if (part.content !== undefined) delta.content = part.content;
        if (part.toolCalls !== undefined) delta.tool_calls = part.toolCalls;
        controller.enqueue(
          encodeSseEvent(chunk([{ index: part.index, delta, logprobs: null, finish_reason: null }])),
        );
        return;
      }
    },
    cancel(reason) {
      report();
      return reader.cancel(reason);
    },
  });
}
