import { type GatewayRequest, requestLedger } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { chooseEngine } from '../translation/choose-engine';
import { TRANSLATION_MODEL } from '../translation/translate-texts';
import { readDeeplUsage } from '../usage/read-deepl-usage';

/**
 * `GET /v2/usage`: DeepL's `{character_count, character_limit}` for today (`deepl-node`'s
 * `getUsage`), read from the neuron ledger that `GET /v1/usage` shows, counted in m2m100
 * characters whichever engine spent the neurons. `translation_engine` (and the
 * `x-translation-engine` header) names the engine requests use unless they ask for another.
 */
export async function deeplUsage(request: GatewayRequest, env: Env): Promise<Response> {
  const engine = chooseEngine(request, env);
  const body = {
    ...readDeeplUsage(await requestLedger(request).usage(), TRANSLATION_MODEL),
    translation_engine: engine.label,
  };
  return Response.json(body, { headers: { 'x-translation-engine': engine.label } });
}
