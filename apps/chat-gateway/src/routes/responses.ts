import {
  buildResponseObject,
  type ChatCompletionMessage,
  convertResponsesToChatRequest,
  createResponsesFramer,
  GatewayError,
  type GatewayRequest,
  mapChatChoiceToResponseOutput,
  noteSessionAffinity,
  parseResponsesRequest,
  type ResponsesInputItem,
  type ResponsesRequest,
  readJsonBody,
} from '@workers-ai-gateways/core';
import { generateChat } from '../chat/generate-chat';
import { EVENT_STREAM_HEADERS } from '../chat/run-chat-generation';
import type { Env } from '../env';
import { responseStoreFor } from '../responses/response-store-for';
import { responsesTtlDays } from '../responses/responses-ttl-days';

const DAY_MS = 86_400_000;

/** The request's input as items with ids, as `GET /v1/responses/{id}/input_items` lists them. */
function inputItemsOf(body: ResponsesRequest, responseId: string): Record<string, unknown>[] {
  const items: Record<string, unknown>[] =
    typeof body.input === 'string'
      ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: body.input }] }]
      : body.input.map((item) => ({ ...item }));
  return items.map((item, index) =>
    typeof item.id === 'string' && item.id !== ''
      ? item
      : { ...item, id: `in_${responseId.slice(5)}${index}` },
  );
}

/** The Response object's fields known before the answer: its id and the request's echo. */
function templateOf(body: ResponsesRequest, id: string, createdAt: number, store: boolean) {
  return {
    id,
    object: 'response',
    created_at: createdAt,
    model: body.model,
    background: false,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    metadata: body.metadata ?? {},
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    service_tier: 'default',
    store,
    temperature: body.temperature ?? 1,
    text: { format: body.text?.format ?? { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    user: body.user ?? null,
  };
}

/**
 * `POST /v1/responses`: OpenAI's Responses API (openai's `responses.create`, the AI SDK's OpenAI
 * provider, Codex CLI) on every Workers AI chat model, streamed or not. The request is converted
 * to the internal chat request (with the conversation of `previous_response_id` and any
 * `item_reference`s read from the caller's store) and runs on the one chat core
 * (`generateChat`); the answer is a Response object or the typed event stream. With `store`
 * (the default) the response, its input items and the conversation are kept for
 * `RESPONSES_TTL_DAYS` in the caller's own store.
 */
export async function responses(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const raw = await readJsonBody(request);
  const body = parseResponsesRequest(raw);
  // prompt_cache_key / user / Codex's session header: the conversation shares Workers AI's prefix cache.
  await noteSessionAffinity(request, raw);
  const store = body.store !== false;
  const ttlDays = responsesTtlDays(env.RESPONSES_TTL_DAYS);
  const references = Array.isArray(body.input)
    ? body.input.flatMap((item) => (item.type === 'item_reference' ? [item.id] : []))
    : [];
  const needsStore = store || body.previous_response_id != null || references.length > 0;
  const responseStore = needsStore ? await responseStoreFor(request, env) : undefined;

  let previous: ChatCompletionMessage[] = [];
  if (body.previous_response_id != null && responseStore !== undefined) {
    const stored = await responseStore.load(body.previous_response_id);
    if (stored === undefined) {
      throw new GatewayError(
        404,
        'not_found',
        `Previous response with id '${body.previous_response_id}' not found.`,
        {
          param: 'previous_response_id',
        },
      );
    }
    previous = stored.conversation as ChatCompletionMessage[];
  }
  const items = new Map<string, ResponsesInputItem>();
  if (references.length > 0 && responseStore !== undefined) {
    for (const [id, item] of await responseStore.items(references)) items.set(id, item as ResponsesInputItem);
  }
  const { chat, inputMessages } = convertResponsesToChatRequest(body, { previous, items });

  const id = `resp_${crypto.randomUUID().replaceAll('-', '')}`;
  const createdAt = Math.floor(Date.now() / 1000);
  const template = templateOf(body, id, createdAt, store);
  const save = (response: Record<string, unknown>): Promise<void> => {
    if (!store || responseStore === undefined) return Promise.resolve();
    const output = (response.output ?? []) as ResponsesInputItem[];
    const answer =
      output.length === 0 ? [] : convertResponsesToChatRequest({ ...body, input: output }).inputMessages;
    return responseStore
      .save({
        id,
        createdAt: createdAt * 1000,
        expiresAt: createdAt * 1000 + ttlDays * DAY_MS,
        response,
        inputItems: inputItemsOf(body, id),
        conversation: [...previous, ...inputMessages, ...answer],
      })
      .catch((error: unknown) => {
        // The answer stands; only a later previous_response_id to it will not be found.
        console.error(JSON.stringify({ id: request.gateway.id, storeFailed: String(error).slice(0, 200) }));
      });
  };

  const { answer, resolved, headers } = await generateChat(request, chat, (framing) =>
    createResponsesFramer({
      template: { ...template, model: framing.model },
      onUsage: framing.onUsage,
      onComplete: (response) => context.waitUntil(save(response)),
    }),
  );
  if (answer.kind === 'stream') {
    return new Response(answer.events, { headers: { ...EVENT_STREAM_HEADERS, ...headers } });
  }
  const [choice] = answer.result.choices;
  if (choice === undefined)
    throw new GatewayError(502, 'upstream_error', 'Workers AI answered with no message.');
  const response = buildResponseObject(
    { ...template, model: resolved.model },
    {
      output: mapChatChoiceToResponseOutput(choice, id),
      usage: answer.result.usage,
      finishReason: choice.finishReason,
    },
  );
  // Saved before answering, so a previous_response_id sent right after finds it.
  await save(response);
  return Response.json(response, { headers });
}
