import { type GatewayRequest, listModels, requestConfig } from '@workers-ai-gateways/core';

/** The Workers AI tasks chat-gateway serves. */
export const CHAT_TASKS = [
  'text-generation',
  'text-embeddings',
  'automatic-speech-recognition',
  'text-to-speech',
] as const;

/** `GET /v1/models`: the catalog's chat, embedding and audio models plus their OpenAI aliases. */
export function models(request: GatewayRequest): Response {
  const data = listModels({ task: [...CHAT_TASKS], aliases: requestConfig(request).modelAliases });
  return Response.json({ object: 'list', data });
}
