import * as v from 'valibot';
import { GatewayError, invalidRequest } from '../errors/gateway-error';
import { parseLanguageField } from './parse-language-field';
import { parseTranslationOptions } from './parse-translation-options';
import { resolveDeeplLanguage } from './resolve-deepl-language';
import type { TranslationRequest } from './translation-request';
import { validateFields } from './validate-fields';

/** DeepL accepts at most 50 texts per request. */
export const DEEPL_MAX_TEXTS = 50;

const stringOrList = (message: string) => v.union([v.string(), v.array(v.string())], message);
const flag = v.union([v.boolean(), v.string(), v.number()], 'show_billed_characters must be a boolean.');

// Strict about the fields the gateway acts on (`model_type`, `formality`, `context` and `glossary_id` are
// read by parseTranslationOptions); every other DeepL parameter (`split_sentences`, ...) is accepted.
const DeeplBody = v.looseObject({
  text: v.optional(stringOrList("Parameter 'text' must be a string or an array of strings.")),
  source_lang: v.optional(v.nullable(v.string("Value for 'source_lang' not supported."))),
  target_lang: v.optional(v.nullable(v.string("Value for 'target_lang' not supported."))),
  tag_handling: v.optional(v.nullable(v.string("Value for 'tag_handling' not supported."))),
  ignore_tags: v.optional(v.nullable(stringOrList("Value for 'ignore_tags' not supported."))),
  show_billed_characters: v.optional(v.nullable(flag)),
});

function isTrue(value: boolean | string | number | null | undefined): boolean {
  if (typeof value === 'string') return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
  return value === true || value === 1;
}

function tagList(value: string | string[] | null | undefined): string[] {
  const items = typeof value === 'string' ? [value] : (value ?? []);
  return items
    .flatMap((item) => item.split(','))
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag !== '');
}

/**
 * Parses DeepL API v2's `POST /v2/translate` fields, from a JSON body or from a form (where
 * `text` repeats and every value is a string). Errors use DeepL's wording and a `param`.
 */
export function parseDeeplTranslateRequest(body: Record<string, unknown>): TranslationRequest {
  const fields = validateFields(DeeplBody, body);
  const texts = typeof fields.text === 'string' ? [fields.text] : (fields.text ?? []);
  if (texts.length === 0) throw invalidRequest("Parameter 'text' not specified.", 'text');
  if (texts.length > DEEPL_MAX_TEXTS) {
    throw new GatewayError(
      413,
      'request_too_large',
      `Too many texts: ${texts.length} in one request; DeepL's limit is ${DEEPL_MAX_TEXTS}.`,
      { param: 'text' },
    );
  }
  const tagHandling = (fields.tag_handling ?? '').trim().toLowerCase();
  if (tagHandling !== '' && tagHandling !== 'html' && tagHandling !== 'xml') {
    throw invalidRequest("Value for 'tag_handling' not supported.", 'tag_handling');
  }
  const targetCode = fields.target_lang?.trim() ?? '';
  if (targetCode === '') throw invalidRequest("Parameter 'target_lang' not specified.", 'target_lang');
  return {
    texts,
    source: parseLanguageField(fields.source_lang, 'source_lang'),
    target: resolveDeeplLanguage(targetCode, 'target_lang'),
    targetCode,
    tagHandling: tagHandling === 'html' || tagHandling === 'xml' ? tagHandling : undefined,
    ignoreTags: tagList(fields.ignore_tags),
    showBilledCharacters: isTrue(fields.show_billed_characters),
    ...parseTranslationOptions(body),
  };
}
