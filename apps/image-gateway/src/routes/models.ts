import { type GatewayRequest, listModels, requestConfig } from '@workers-ai-gateways/core';

/** `GET /v1/models`: the catalog's text-to-image models plus `dall-e-2`/`dall-e-3`. */
export function models(request: GatewayRequest): Response {
  const data = listModels({ task: 'text-to-image', aliases: requestConfig(request).modelAliases });
  return Response.json({ object: 'list', data });
}
