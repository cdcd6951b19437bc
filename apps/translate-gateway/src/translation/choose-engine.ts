import {
  type CatalogModel,
  DEFAULT_MODELS,
  GatewayError,
  type GatewayRequest,
  invalidRequest,
  requestConfig,
  resolveModel,
  type TranslationRequest,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';

/**
 * The LLM engine's default model: Gemma 4 26B-A4B, trained on 140+ languages, 256k context, on the
 * Workers Free plan, and among the cheapest chat models (9,091 / 27,273 neurons per million input /
 * output tokens, a third of llama-3.3-70b's input price and a seventh of its output).
 */
export const DEFAULT_TRANSLATE_MODEL = '@cf/google/gemma-4-26b-a4b-it';

/** The engine a request is translated with. */
export type TranslationEngine =
  | { kind: 'm2m100'; model: string; label: 'm2m100'; requested: string }
  | {
      kind: 'llm';
      model: string;
      entry: CatalogModel | undefined;
      contextWindow: number;
      label: string;
      /** `TRANSLATE_MODEL` as configured: the name its fallback chain is looked up by. */
      requested: string;
    };

/** What a model's context holds when the catalog does not say (an uncatalogued `@cf/` ID). */
const UNKNOWN_CONTEXT_WINDOW = 8192;

function configuredEngine(env: Env): 'm2m100' | 'llm' {
  const value = (env.TRANSLATE_ENGINE ?? '').trim().toLowerCase();
  if (value === '' || value === 'm2m100') return 'm2m100';
  if (value === 'llm') return 'llm';
  throw new GatewayError(
    503,
    'configuration_error',
    `The gateway is misconfigured: TRANSLATE_ENGINE must be 'm2m100' or 'llm', not '${env.TRANSLATE_ENGINE}'.`,
  );
}

/** The LLM engine's model, `TRANSLATE_MODEL` resolved through the aliases. */
function llmEngine(request: GatewayRequest, env: Env): Extract<TranslationEngine, { kind: 'llm' }> {
  const name = env.TRANSLATE_MODEL?.trim() || DEFAULT_TRANSLATE_MODEL;
  let resolved: ReturnType<typeof resolveModel>;
  try {
    resolved = resolveModel(name, { aliases: requestConfig(request).modelAliases, task: 'text-generation' });
  } catch (error) {
    if (error instanceof GatewayError && error.status === 503) throw error;
    throw new GatewayError(
      503,
      'configuration_error',
      `The gateway is misconfigured: TRANSLATE_MODEL '${name}' is not a text-generation model.`,
    );
  }
  return {
    kind: 'llm',
    model: resolved.model,
    entry: resolved.entry,
    contextWindow: resolved.entry?.contextWindow ?? UNKNOWN_CONTEXT_WINDOW,
    label: `llm:${resolved.model}`,
    requested: name,
  };
}

/**
 * Chooses the engine of one request: the client's own choice (DeepL's `model_type`, DeepLX's
 * `engine`) over `TRANSLATE_ENGINE`. `prefer_quality_optimized` takes the LLM, which serves every
 * pair m2m100 does and a few more (`LLM_ONLY_LANGUAGES`, a 400 on m2m100). m2m100 cannot honour
 * `formality` `more`/`less`: that is DeepL's 400 for a
 * target without formality (the `prefer_` values are accepted and have no effect). Without a
 * job: the gateway's default engine.
 */
export function chooseEngine(request: GatewayRequest, env: Env, job?: TranslationRequest): TranslationEngine {
  const wanted = job?.engine === 'prefer-llm' ? 'llm' : (job?.engine ?? configuredEngine(env));
  if (wanted === 'llm') return llmEngine(request, env);
  for (const [language, param] of [
    [job?.source, 'source_lang'],
    [job?.target, 'target_lang'],
  ] as const) {
    if (language?.llmOnly) {
      throw invalidRequest(
        `Value for '${param}' not supported by m2m100: '${language.model}' is translated by the LLM engine only; send model_type 'quality_optimized' (DeepL) or engine 'llm' (DeepLX).`,
        param,
      );
    }
  }
  if (job?.formality === 'more' || job?.formality === 'less') {
    throw invalidRequest("'formality' is not supported for given 'target_lang'.", 'formality');
  }
  return {
    kind: 'm2m100',
    model: DEFAULT_MODELS.translation,
    label: 'm2m100',
    requested: DEFAULT_MODELS.translation,
  };
}
