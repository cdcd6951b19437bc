import { type GatewayRequest, requestLedger } from '@workers-ai-gateways/core';
import { TRANSLATION_MODEL } from '../translation/translate-texts';
import { readDeeplUsage } from '../usage/read-deepl-usage';

/**
 * `GET /v2/usage`: DeepL's `{character_count, character_limit}` for today (`deepl-node`'s
 * `getUsage`), read from the neuron ledger that `GET /v1/usage` shows.
 */
export async function deeplUsage(request: GatewayRequest): Promise<Response> {
  return Response.json(readDeeplUsage(await requestLedger(request).usage(), TRANSLATION_MODEL));
}
