import { BODY_LIMITS, type GatewayRequest, parseImmeRequest, readJsonBody } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { translateTexts } from '../translation/translate-texts';
import { translationHeaders } from './translation-headers';

/**
 * `POST /imme`: Immersive Translate's "Custom API" service, `{source_lang, target_lang,
 * text_list}` → `{translations: [{detected_source_lang, text}]}`, one entry per list item in
 * order; the detected language is a lower-case code as Immersive uses them.
 */
export async function translateImme(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const job = parseImmeRequest(await readJsonBody(request, BODY_LIMITS.deepl));
  const outcome = await translateTexts(request, env, context, job);
  const translations = outcome.texts.map((text) => ({ detected_source_lang: text.source, text: text.text }));
  return new Response(JSON.stringify({ translations }), { headers: translationHeaders(outcome) });
}
