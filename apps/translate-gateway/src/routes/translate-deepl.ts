import {
  BODY_LIMITS,
  formatDeeplLanguage,
  type GatewayRequest,
  parseDeeplTranslateRequest,
  readBodyBytes,
  readJsonBody,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { translateTexts } from '../translation/translate-texts';
import { translationHeaders } from './translation-headers';

/** Form fields as DeepL reads them: `text` (and `ignore_tags`) repeat, every other field is single. */
function formFields(form: URLSearchParams | FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((value): value is string => typeof value === 'string');
    fields[key] = key === 'text' || key === 'ignore_tags' ? values : values[0];
  }
  return fields;
}

async function readDeeplFields(request: GatewayRequest): Promise<Record<string, unknown>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (/json/i.test(contentType)) return readJsonBody(request, BODY_LIMITS.deepl);
  const bytes = await readBodyBytes(request, BODY_LIMITS.deepl);
  if (/multipart\/form-data/i.test(contentType)) {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    return formFields(form);
  }
  // `deepl-node` and curl send application/x-www-form-urlencoded; a missing type is read the same way.
  return formFields(new URLSearchParams(new TextDecoder().decode(bytes)));
}

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
  const job = parseDeeplTranslateRequest(await readDeeplFields(request));
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
