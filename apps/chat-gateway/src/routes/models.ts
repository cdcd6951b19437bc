import { type GatewayRequest, listGatewayModels } from '@workers-ai-gateways/core';

/** The Workers AI tasks chat-gateway serves. */
export const CHAT_TASKS = [
  'text-generation',
  'text-embeddings',
  'automatic-speech-recognition',
  'text-to-speech',
] as const;

/** `GET /v1/models`: the catalog's chat, embedding and audio models plus their OpenAI aliases. */
export async function models(request: GatewayRequest): Promise<Response> {
  const data = await listGatewayModels(request, CHAT_TASKS);
  return Response.json({ object: 'list', data });
}
