import { type GatewayRequest, requestConfig } from '@workers-ai-gateways/core';
import { TRANSLATION_MODEL } from '../translation/translate-texts';
import { readDeeplUsage } from '../usage/read-deepl-usage';

/** `GET /v2/usage`: DeepL's `{character_count, character_limit}` for today (`deepl-node`'s `getUsage`). */
export async function deeplUsage(request: GatewayRequest): Promise<Response> {
  return Response.json(await readDeeplUsage(requestConfig(request), TRANSLATION_MODEL));
}
