import { type GatewayRequest, invalidRequest, listDeeplLanguages } from '@workers-ai-gateways/core';

/**
 * `GET /v2/languages?type=source|target` (also POST, as DeepL allows): the languages m2m100
 * translates, in DeepL's shape. `type` defaults to `source`, as DeepL's does.
 */
export function deeplLanguages(request: GatewayRequest): Response {
  const type = (new URL(request.url).searchParams.get('type') ?? 'source').toLowerCase();
  if (type !== 'source' && type !== 'target') throw invalidRequest("Value for 'type' not supported.", 'type');
  return Response.json(listDeeplLanguages(type));
}
