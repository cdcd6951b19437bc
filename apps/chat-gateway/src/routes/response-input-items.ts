import { type GatewayRequest, invalidRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { responseStoreFor } from '../responses/response-store-for';
import { responseIdOf, responseNotFound } from './response';

/**
 * `GET /v1/responses/{id}/input_items`: the input items of a stored response of the caller's own
 * key, as OpenAI lists them: `order` (`desc` by default), `limit` (1–100, default 20) and `after`
 * (an item id), with `first_id`, `last_id` and `has_more`.
 */
export async function responseInputItems(request: GatewayRequest, env: Env): Promise<Response> {
  const id = responseIdOf(request);
  const stored = await (await responseStoreFor(request, env)).load(id);
  if (stored === undefined) throw responseNotFound(id);
  const query = new URL(request.url).searchParams;
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalidRequest("order must be 'asc' or 'desc'.", 'order');
  const limit = Number(query.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest('limit must be an integer from 1 to 100.', 'limit');
  }
  const items = order === 'asc' ? stored.inputItems : [...stored.inputItems].reverse();
  const after = query.get('after');
  const start = after === null ? 0 : items.findIndex((item) => item.id === after) + 1;
  if (after !== null && start === 0) throw invalidRequest(`No input item with id '${after}'.`, 'after');
  const data = items.slice(start, start + limit);
  return Response.json({
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + limit < items.length,
  });
}
