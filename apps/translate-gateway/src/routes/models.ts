import { type GatewayRequest, listGatewayModels } from '@workers-ai-gateways/core';

/** `GET /v1/models`: the translation model(s) this gateway runs on. */
export async function models(request: GatewayRequest): Promise<Response> {
  const data = await listGatewayModels(request, 'translation');
  return Response.json({ object: 'list', data });
}
