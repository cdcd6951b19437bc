import { type GatewayRequest, listGatewayModels } from '@workers-ai-gateways/core';

/** The Workers AI tasks chat-gateway serves. */
export const CHAT_TASKS = [
  'text-generation',
  'text-embeddings',
  'automatic-speech-recognition',
  'text-to-speech',
] as const;

/**
 * `GET /v1/models`: the catalog's chat, embedding and audio models plus their OpenAI aliases.
 * An Anthropic client (it sends `anthropic-version`) gets Anthropic's list instead: the chat
 * models as `{type: "model", id, display_name, created_at}` with `has_more`, `first_id` and
 * `last_id`, so `client.models.list()` and Claude Code's model picker read it.
 */
export async function models(request: GatewayRequest): Promise<Response> {
  if (request.headers.has('anthropic-version')) {
    const chat = await listGatewayModels(request, 'text-generation');
    const data = chat.map((entry) => ({
      type: 'model',
      id: entry.id,
      display_name: entry.alias_for === undefined ? entry.id : `${entry.id} (${entry.alias_for})`,
      created_at: new Date(entry.created * 1000).toISOString(),
    }));
    return Response.json({
      data,
      has_more: false,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    });
  }
  const data = await listGatewayModels(request, CHAT_TASKS);
  return Response.json({ object: 'list', data });
}
