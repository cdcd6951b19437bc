import { type GatewayRequest, listModels, requestConfig } from '@workers-ai-gateways/core';

/** `GET /v1/models`: the translation model(s) this gateway runs on. */
export function models(request: GatewayRequest): Response {
  const data = listModels({ task: 'translation', aliases: requestConfig(request).modelAliases });
  return Response.json({ object: 'list', data });
}
