import {
  BODY_LIMITS,
  formatDeeplLanguage,
  type GatewayRequest,
  parseDeeplxRequest,
  readJsonBody,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { translateTexts } from '../translation/translate-texts';
import { translationHeaders } from './translation-headers';

function deeplxId(): number {
  // DeepLX answers with a random numeric id; clients only echo it in logs.
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return 8_000_000_000 + value;
}

/**
 * `POST /translate` (`method: "Free"`) and `POST /v1/translate` (`"Pro"`): DeepLX's API, as
 * Immersive Translate, Bob, pot and Zotero call it. `data` keeps every newline of `text`;
 * `source_lang` is the detected (or given) language in upper case.
 */
export function translateDeeplx(method: 'Free' | 'Pro') {
  return async (request: GatewayRequest, env: Env, context: ExecutionContext): Promise<Response> => {
    const job = parseDeeplxRequest(await readJsonBody(request, BODY_LIMITS.deepl));
    const outcome = await translateTexts(request, env, context, job);
    const first = outcome.texts[0];
    const body = {
      code: 200,
      id: deeplxId(),
      data: outcome.texts.map((text) => text.text).join('\n'),
      alternatives: [],
      source_lang: formatDeeplLanguage(first?.source ?? job.source?.model ?? 'en'),
      target_lang: job.targetCode.toUpperCase(),
      method,
    };
    return new Response(JSON.stringify(body), { headers: translationHeaders(outcome) });
  };
}
