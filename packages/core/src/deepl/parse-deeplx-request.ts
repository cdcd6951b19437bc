import * as v from 'valibot';
import { GatewayError, invalidRequest } from '../errors/gateway-error';
import { parseLanguageField } from './parse-language-field';
import { parseTranslationOptions } from './parse-translation-options';
import { resolveDeeplLanguage } from './resolve-deepl-language';
import type { TranslationRequest } from './translation-request';
import { validateFields } from './validate-fields';

const DeeplxBody = v.looseObject({
  text: v.optional(
    v.nullable(v.union([v.string(), v.array(v.string())], 'text must be a string (or an array of strings).')),
  ),
  source_lang: v.optional(v.nullable(v.string('source_lang must be a string.'))),
  target_lang: v.optional(v.nullable(v.string('target_lang must be a string.'))),
  tag_handling: v.optional(v.nullable(v.string('tag_handling must be a string.'))),
});

/** DeepLX's own wording, which Immersive Translate shows to users. */
const BAD_TAG_HANDLING = "Invalid tag_handling value. Allowed values are 'html' and 'xml'.";

/**
 * Parses a DeepLX `POST /translate` body `{text, source_lang, target_lang, tag_handling}` the
 * way DeepLX does: an empty `text` is a 404 "No text to translate", a `tag_handling` other than
 * `html`/`xml` a 400 with DeepLX's message. `text` may also be an array of strings (some
 * scripts send one); the reply then joins the translations with newlines.
 */
export function parseDeeplxRequest(body: Record<string, unknown>): TranslationRequest {
  const fields = validateFields(DeeplxBody, body);
  const texts = typeof fields.text === 'string' ? [fields.text] : (fields.text ?? []);
  if (texts.every((text) => text === '')) {
    throw new GatewayError(404, 'no_text', 'No text to translate');
  }
  const tagHandling = (fields.tag_handling ?? '').trim().toLowerCase();
  if (tagHandling !== '' && tagHandling !== 'html' && tagHandling !== 'xml') {
    throw invalidRequest(BAD_TAG_HANDLING, 'tag_handling');
  }
  const targetCode = fields.target_lang?.trim() ?? '';
  if (targetCode === '')
    throw invalidRequest('Invalid target language: target_lang is required.', 'target_lang');
  return {
    texts,
    source: parseLanguageField(fields.source_lang, 'source_lang'),
    target: resolveDeeplLanguage(targetCode, 'target_lang'),
    targetCode,
    tagHandling: tagHandling === 'html' || tagHandling === 'xml' ? tagHandling : undefined,
    ignoreTags: [],
    showBilledCharacters: false,
    ...parseTranslationOptions(body),
  };
}
