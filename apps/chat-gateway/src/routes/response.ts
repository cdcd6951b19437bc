import { GatewayError, type GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { responseStoreFor } from '../responses/response-store-for';

/** The `{id}` of `/v1/responses/{id}…`. */
export function responseIdOf(request: GatewayRequest): string {
  return decodeURIComponent(new URL(request.url).pathname.split('/')[3] ?? '');
}

/** The 404 for an id the caller's store does not hold (another key's, expired, or never made). */
export function responseNotFound(id: string): GatewayError {
  return new GatewayError(404, 'not_found', `Response with id '${id}' not found.`);
}

/** `GET /v1/responses/{id}`: a stored response of the caller's own key. */
export async function getResponse(request: GatewayRequest, env: Env): Promise<Response> {
  const id = responseIdOf(request);
  const stored = await (await responseStoreFor(request, env)).load(id);
  if (stored === undefined) throw responseNotFound(id);
  return Response.json(stored.response);
}

/** `DELETE /v1/responses/{id}`: forgets a stored response of the caller's own key. */
export async function deleteResponse(request: GatewayRequest, env: Env): Promise<Response> {
  const id = responseIdOf(request);
  if (!(await (await responseStoreFor(request, env)).remove(id))) throw responseNotFound(id);
  return Response.json({ id, object: 'response', deleted: true });
}
