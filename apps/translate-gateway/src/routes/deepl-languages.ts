import { type GatewayRequest, invalidRequest, listDeeplLanguages } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { chooseEngine } from '../translation/choose-engine';

/**
 * `GET /v2/languages?type=source|target` (also POST, as DeepL allows): the languages the gateway
 * translates, in DeepL's shape. `type` defaults to `source`, as DeepL's does. When requests go to
 * the LLM engine by default (`TRANSLATE_ENGINE=llm`), the list also holds the languages only it
 * translates (`LLM_ONLY_LANGUAGES`: Basque, Esperanto, Latin, Maltese, Telugu, ...) and
 * `supports_formality` is true for every target, since it honours `formality` in any language;
 * with m2m100 it is false (`more`/`less` are a 400).
 */
export function deeplLanguages(request: GatewayRequest, env: Env): Response {
  const type = (new URL(request.url).searchParams.get('type') ?? 'source').toLowerCase();
  if (type !== 'source' && type !== 'target') throw invalidRequest("Value for 'type' not supported.", 'type');
  const llm = chooseEngine(request, env).kind === 'llm';
  const languages = listDeeplLanguages(type, { llm });
  return Response.json(
    llm && type === 'target'
      ? languages.map((language) => ({ ...language, supports_formality: true }))
      : languages,
  );
}
