import {
  convertToWorkersAiChatInput,
  createChatCompletionFramer,
  type GatewayRequest,
  inlineChatImageUrls,
  noteSessionAffinity,
  parseChatCompletionRequest,
  type ResolvedModel,
  readJsonBody,
  runWithFallbacks,
} from '@workers-ai-gateways/core';
import { EVENT_STREAM_HEADERS, runChatGeneration, streamChatGeneration } from '../chat/run-chat-generation';

/**
 * `POST /v1/chat/completions`: OpenAI Chat Completions on Workers AI, streamed or not, for both
 * upstream output families. `n` > 1 makes one upstream call per choice (seeds offset so the
 * choices differ); tool calls, JSON mode, vision, reasoning and stop sequences are mapped by the
 * core converters and stream transform. The model's fallback chain (`runWithFallbacks`) answers
 * when the asked model cannot; a stream falls back only before its first byte.
 */
export async function chatCompletions(request: GatewayRequest): Promise<Response> {
  const raw = await readJsonBody(request);
  const body = parseChatCompletionRequest(raw);
  // prompt_cache_key / user / a session header: the conversation's requests share Workers AI's prefix cache.
  await noteSessionAffinity(request, raw);
  const id = `chatcmpl-${crypto.randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  const stream = body.stream === true;

  // One model's whole generation: converted for that model, since a chain may cross output families.
  const generate = async (resolved: ResolvedModel) => {
    const call = convertToWorkersAiChatInput(body, { ...resolved, requested: body.model });
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
    const generation = {
      model: resolved.model,
      calls,
      stream,
      includeUsage: body.stream_options?.include_usage === true,
      promptCharacters: JSON.stringify(call.inputs.messages ?? '').length,
    };
    if (stream) {
      const events = await streamChatGeneration(request, generation, (context) =>
        createChatCompletionFramer({
          ...context,
          kind: 'chat',
          id,
          created,
          model: resolved.model,
          includeUsage: generation.includeUsage,
        }),
      );
      return { events, result: undefined };
    }
    return { events: undefined, result: await runChatGeneration(request, generation) };
  };
  const { value, resolved, headers } = await runWithFallbacks(
    request,
    body.model,
    'text-generation',
    generate,
  );

  if (value.events !== undefined) {
    return new Response(value.events, { headers: { ...EVENT_STREAM_HEADERS, ...headers } });
  }
  const { neurons: _neurons, ...usage } = value.result.usage;
  return Response.json(
    {
      id,
      object: 'chat.completion',
      created,
      model: resolved.model,
      choices: value.result.choices.map((choice, index) => ({
        index,
        message: {
          role: 'assistant',
          content: choice.content,
          refusal: null,
          ...(choice.reasoning === undefined ? {} : { reasoning_content: choice.reasoning }),
          ...(choice.toolCalls.length === 0 ? {} : { tool_calls: choice.toolCalls }),
        },
        logprobs: null,
        finish_reason: choice.finishReason,
      })),
      usage,
      system_fingerprint: null,
    },
    { headers },
  );
}
