import { describeModel, GatewayError, type GatewayRequest, requestConfig } from '@workers-ai-gateways/core';

/**
 * `GET /v1/models/{id}`: one model with its catalog metadata; `{id}` may be an alias
 * (`gpt-4o-mini`) or a Workers AI ID with its slashes (`@cf/meta/llama-3.1-8b-instruct-fast`,
 * URL-encoded or not). Unknown names are a 404 in OpenAI's envelope.
 */
export function model(request: GatewayRequest): Response {
  const prefix = '/v1/models/';
  const path = new URL(request.url).pathname;
  let id: string;
  try {
    id = decodeURIComponent(path.slice(prefix.length));
  } catch {
    id = path.slice(prefix.length);
  }
  const described = describeModel(id, requestConfig(request).modelAliases);
  if (described === undefined) {
    throw new GatewayError(404, 'model_not_found', `The model '${id}' does not exist.`, { param: 'model' });
  }
  return Response.json(described);
}
