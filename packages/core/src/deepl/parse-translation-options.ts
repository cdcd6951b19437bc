import { invalidRequest } from '../errors/gateway-error';
import type { Formality, TranslationRequest } from './translation-request';

const MODEL_TYPES = ['quality_optimized', 'latency_optimized', 'prefer_quality_optimized'] as const;
const FORMALITIES = ['default', 'more', 'less', 'prefer_more', 'prefer_less'] as const;
/** DeepL's older spellings, still accepted by its API. */
const FORMALITY_ALIASES: Record<string, Formality> = { formal: 'prefer_more', informal: 'prefer_less' };
const ENGINES = { llm: 'llm', m2m100: 'm2m100' } as const;

type TranslationOptions = Pick<
  TranslationRequest,
  'engine' | 'modelType' | 'formality' | 'context' | 'glossaryId'
>;

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Value for '${name}' not supported.`, name);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Reads the fields that choose how a text is translated, with DeepL's names and wording:
 * `model_type` (quality_optimized → the LLM engine, latency_optimized → m2m100,
 * prefer_quality_optimized → the LLM where it serves the pair), DeepLX's `engine` (`llm` or
 * `m2m100`), `formality`, `context` and `glossary_id`. An unknown value is a 400 naming the field.
 */
export function parseTranslationOptions(fields: Record<string, unknown>): TranslationOptions {
  const options: TranslationOptions = {};
  const modelType = optionalText(fields.model_type, 'model_type')?.toLowerCase();
  if (modelType !== undefined) {
    const known = MODEL_TYPES.find((type) => type === modelType);
    if (!known) throw invalidRequest("Value for 'model_type' not supported.", 'model_type');
    options.modelType = known;
    options.engine =
      known === 'quality_optimized' ? 'llm' : known === 'latency_optimized' ? 'm2m100' : 'prefer-llm';
  }
  const engine = optionalText(fields.engine, 'engine')?.toLowerCase();
  if (engine !== undefined) {
    const known = ENGINES[engine as keyof typeof ENGINES];
    if (!known) throw invalidRequest("Value for 'engine' not supported: use 'llm' or 'm2m100'.", 'engine');
    options.engine = known;
  }
  const formality = optionalText(fields.formality, 'formality')?.toLowerCase();
  if (formality !== undefined) {
    const known = FORMALITIES.find((value) => value === formality) ?? FORMALITY_ALIASES[formality];
    if (!known) throw invalidRequest("Value for 'formality' not supported.", 'formality');
    options.formality = known;
  }
  const context = optionalText(fields.context, 'context');
  if (context !== undefined) options.context = context;
  const glossaryId = optionalText(fields.glossary_id, 'glossary_id');
  if (glossaryId !== undefined) options.glossaryId = glossaryId;
  return options;
}
