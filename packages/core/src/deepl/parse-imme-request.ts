import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { parseLanguageField } from './parse-language-field';
import { resolveDeeplLanguage } from './resolve-deepl-language';
import type { TranslationRequest } from './translation-request';
import { validateFields } from './validate-fields';

const ImmeBody = v.looseObject({
  source_lang: v.optional(v.nullable(v.string('source_lang must be a string.'))),
  target_lang: v.optional(v.nullable(v.string('target_lang must be a string.'))),
  text_list: v.array(v.string('text_list must hold strings.'), 'text_list must be an array of strings.'),
});

/**
 * Parses Immersive Translate's "Custom API" body `{source_lang, target_lang, text_list}`.
 * Immersive sends BCP-47 codes (`zh-CN`, `zh-TW`) and `auto`.
 */
export function parseImmeRequest(body: Record<string, unknown>): TranslationRequest {
  const fields = validateFields(ImmeBody, body);
  const targetCode = fields.target_lang?.trim() ?? '';
  if (targetCode === '') throw invalidRequest('target_lang is required.', 'target_lang');
  return {
    texts: fields.text_list,
    source: parseLanguageField(fields.source_lang, 'source_lang'),
    target: resolveDeeplLanguage(targetCode, 'target_lang'),
    targetCode,
    tagHandling: undefined,
    ignoreTags: [],
    showBilledCharacters: false,
  };
}
