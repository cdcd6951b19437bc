import { type GatewayRequest, listGatewayModels } from '@workers-ai-gateways/core';

/** `GET /v1/models`: the catalog's text-to-image models plus `dall-e-2`/`dall-e-3`. */
export async function models(request: GatewayRequest): Promise<Response> {
  const data = await listGatewayModels(request, 'text-to-image');
  return Response.json({ object: 'list', data });
}
