import {
  type ChatCompletionRequest,
  type ChatStreamFramer,
  convertToWorkersAiChatInput,
  type GatewayRequest,
  inlineChatImageUrls,
  type ResolvedModel,
  runWithFallbacks,
} from '@workers-ai-gateways/core';
import type { ChatGeneration, ChatGenerationResult } from './chat-generation';
import { fitMaxTokens } from './fit-max-tokens';
import { type ChatFramerContext, runChatGeneration, streamChatGeneration } from './run-chat-generation';

/** What a protocol's framer is made from, once the answering model is known. */
export interface ChatAnswerFraming extends ChatFramerContext {
  /** The Workers AI model that answers (after aliases, remaps and fallbacks). */
  model: string;
}

/** How a protocol's request differs from Chat Completions' in the chat core. */
export interface GenerateChatOptions {
  /** `max_tokens` is an upper bound to fit to each model's window (`fitMaxTokens`), not a demand. */
  maxTokensIsCeiling?: boolean;
}

/** One chat request's answer: the client's event stream, or the whole result to render. */
export type ChatAnswer =
  | { kind: 'stream'; events: ReadableStream<Uint8Array> }
  | { kind: 'result'; result: ChatGenerationResult };

/** A chat answer and how it was reached. */
export interface GeneratedChat {
  answer: ChatAnswer;
  /** The model that answered: the response's `model` field. */
  resolved: ResolvedModel;
  /** `x-model-replaced` and `x-model-fallback`, when they apply. */
  headers: Record<string, string>;
}

/**
 * The one chat core every chat protocol runs on (Chat Completions, Responses, Anthropic
 * Messages): a request already converted to the internal chat request is resolved to a model
 * and its fallback chain (`runWithFallbacks`: aliases, removed-model remaps, busy models), then
 * for each model tried converted to Workers AI's inputs, its image URLs inlined, `n` calls
 * planned (seeds offset so the choices differ), the budget held and charged
 * (`run-chat-generation`), and the answer streamed through the protocol's framer or returned
 * whole for the protocol to render. A stream falls back only before its first byte.
 */
export async function generateChat(
  request: GatewayRequest,
  body: ChatCompletionRequest,
  createFramer: (framing: ChatAnswerFraming) => ChatStreamFramer,
  options: GenerateChatOptions = {},
): Promise<GeneratedChat> {
  const stream = body.stream === true;
  const generate = async (resolved: ResolvedModel): Promise<ChatAnswer> => {
    const source = options.maxTokensIsCeiling === true ? fitMaxTokens(body, resolved) : body;
    const call = convertToWorkersAiChatInput(source, { ...resolved, requested: body.model });
    if (Array.isArray(call.inputs.messages)) {
      await inlineChatImageUrls(call.inputs.messages as Record<string, unknown>[], {
        signal: request.signal,
      });
    }
    const choices = body.n ?? 1;
    const calls = Array.from({ length: choices }, (_, index) =>
      index === 0 || body.seed == null
        ? call
        : { ...call, inputs: { ...call.inputs, seed: (call.inputs.seed as number) + index } },
    );
    const generation: ChatGeneration = {
      model: resolved.model,
      calls,
      stream,
      includeUsage: body.stream_options?.include_usage === true,
      promptCharacters: JSON.stringify(call.inputs.messages ?? '').length,
    };
    if (!stream) return { kind: 'result', result: await runChatGeneration(request, generation) };
    const events = await streamChatGeneration(request, generation, (context) =>
      createFramer({ ...context, model: resolved.model }),
    );
    return { kind: 'stream', events };
  };
  const { value, resolved, headers } = await runWithFallbacks(
    request,
    body.model,
    'text-generation',
    generate,
  );
  return { answer: value, resolved, headers };
}
