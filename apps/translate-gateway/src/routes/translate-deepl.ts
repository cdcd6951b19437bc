import {
  BODY_LIMITS,
  formatDeeplLanguage,
  type GatewayRequest,
  parseDeeplTranslateRequest,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { translateTexts } from '../translation/translate-texts';
import { readDeeplFields } from './read-deepl-fields';
import { translationHeaders } from './translation-headers';

/**
 * `POST /v2/translate`: DeepL API v2, JSON or form-encoded. N texts in, N translations out in
 * order; `detected_source_language` is always a non-empty upper-case code (`deepl-node` throws
 * on an empty one); `billed_characters` when `show_billed_characters` is set; `model_type_used` when `model_type`
 * was (`quality_optimized` for the LLM engine, `latency_optimized` for m2m100).
 */
export async function translateDeepl(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const job = parseDeeplTranslateRequest(await readDeeplFields(request, BODY_LIMITS.deepl));
  const outcome = await translateTexts(request, env, context, job);
  const modelTypeUsed = outcome.engine.kind === 'llm' ? 'quality_optimized' : 'latency_optimized';
  const translations = outcome.texts.map((text) => ({
    detected_source_language: formatDeeplLanguage(text.source),
    text: text.text,
    ...(job.showBilledCharacters ? { billed_characters: text.billedCharacters } : {}),
    ...(job.modelType === undefined ? {} : { model_type_used: modelTypeUsed }),
  }));
  return new Response(JSON.stringify({ translations }), { headers: translationHeaders(outcome) });
}
