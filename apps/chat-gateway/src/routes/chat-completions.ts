import {
  convertToWorkersAiChatInput,
  createChatCompletionFramer,
  type GatewayRequest,
  inlineChatImageUrls,
  parseChatCompletionRequest,
  readJsonBody,
  requestConfig,
  resolveModel,
} from '@workers-ai-gateways/core';
import { EVENT_STREAM_HEADERS, runChatGeneration, streamChatGeneration } from '../chat/run-chat-generation';
import { modelHeaders } from './model-headers';

/**
 * `POST /v1/chat/completions`: OpenAI Chat Completions on Workers AI, streamed or not, for both
 * upstream output families. `n` > 1 makes one upstream call per choice (seeds offset so the
 * choices differ); tool calls, JSON mode, vision, reasoning and stop sequences are mapped by the
 * core converters and stream transform.
 */
export async function chatCompletions(request: GatewayRequest): Promise<Response> {
  const body = parseChatCompletionRequest(await readJsonBody(request));
  const config = requestConfig(request);
  const resolved = resolveModel(body.model, { aliases: config.modelAliases, task: 'text-generation' });
  request.gateway.model = resolved.model;
  const call = convertToWorkersAiChatInput(body, { ...resolved, requested: body.model });
  if (Array.isArray(call.inputs.messages)) {
    await inlineChatImageUrls(call.inputs.messages as Record<string, unknown>[], { signal: request.signal });
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
    stream: body.stream === true,
    includeUsage: body.stream_options?.include_usage === true,
    promptCharacters: JSON.stringify(call.inputs.messages ?? '').length,
  };
  const id = `chatcmpl-${crypto.randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  const headers = modelHeaders(resolved);

  if (generation.stream) {
    const stream = await streamChatGeneration(request, generation, (context) =>
      createChatCompletionFramer({
        ...context,
        kind: 'chat',
        id,
        created,
        model: resolved.model,
        includeUsage: generation.includeUsage,
      }),
    );
    return new Response(stream, { headers: { ...EVENT_STREAM_HEADERS, ...headers } });
  }
  const result = await runChatGeneration(request, generation);
  const { neurons: _neurons, ...usage } = result.usage;
  return Response.json(
    {
      id,
      object: 'chat.completion',
      created,
      model: resolved.model,
      choices: result.choices.map((choice, index) => ({
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
