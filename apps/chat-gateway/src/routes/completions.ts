import {
  convertToWorkersAiChatInput,
  createChatCompletionFramer,
  type GatewayRequest,
  noteSessionAffinity,
  parseCompletionRequest,
  type ResolvedModel,
  readJsonBody,
  runWithFallbacks,
  type WorkersAiChatCall,
} from '@workers-ai-gateways/core';
import { EVENT_STREAM_HEADERS, runChatGeneration, streamChatGeneration } from '../chat/run-chat-generation';

/**
 * `POST /v1/completions`: OpenAI's legacy prompt API. Each prompt is sent to the model as
 * `prompt` (Workers AI applies the model's chat template), `n` times; choice `i × n + k` answers
 * prompt `i`. The answers use the same mappers and stream transform as chat, rendered as
 * `text_completion` objects and chunks.
 */
export async function completions(request: GatewayRequest): Promise<Response> {
  const raw = await readJsonBody(request);
  const body = parseCompletionRequest(raw);
  // prompt_cache_key / user / a session header: the conversation's requests share Workers AI's prefix cache.
  await noteSessionAffinity(request, raw);
  const id = `cmpl-${crypto.randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  const perPrompt = body.n ?? 1;

  const generate = async (resolved: ResolvedModel) => {
    const calls: WorkersAiChatCall[] = body.prompts.flatMap((prompt) => {
      const call = convertToWorkersAiChatInput({ ...body, prompt }, { ...resolved, requested: body.model });
      return Array.from({ length: perPrompt }, (_, index) =>
        index === 0 || body.seed == null
          ? call
          : { ...call, inputs: { ...call.inputs, seed: (call.inputs.seed as number) + index } },
      );
    });
    const generation = {
      model: resolved.model,
      calls,
      stream: body.stream === true,
      includeUsage: body.stream_options?.include_usage === true,
      promptCharacters: body.prompts.reduce((total, prompt) => total + prompt.length, 0) * perPrompt,
    };
    if (generation.stream) {
      const events = await streamChatGeneration(request, generation, (context) =>
        createChatCompletionFramer({
          ...context,
          kind: 'text',
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
      object: 'text_completion',
      created,
      model: resolved.model,
      choices: value.result.choices.map((choice, index) => ({
        index,
        text: choice.content ?? '',
        logprobs: null,
        finish_reason: choice.finishReason === 'tool_calls' ? 'stop' : choice.finishReason,
      })),
      usage,
    },
    { headers },
  );
}
