import {
  formatDeeplLanguage,
  GatewayError,
  invalidRequest,
  resolveDeeplLanguage,
} from '@workers-ai-gateways/core';
import { GLOSSARY_LANGUAGE_CODES } from './glossary-language-codes';
import type { GlossaryEntry } from './glossary-types';
import { parseGlossaryEntries } from './parse-glossary-entries';

/** DeepL's limit on one glossary's entries: 10 MiB. */
export const MAX_GLOSSARY_BYTES = 10 * 1024 * 1024;
const encoder = new TextEncoder();

function requiredText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidRequest(`Parameter '${name}' not specified.`, name);
  return value.trim();
}

function glossaryLanguage(value: unknown, name: string): string {
  const code = formatDeeplLanguage(
    resolveDeeplLanguage(requiredText(value, name).split('-')[0] ?? '', name).model,
  ).toLowerCase();
  if (!(GLOSSARY_LANGUAGE_CODES as readonly string[]).includes(code)) {
    throw invalidRequest(
      `Value for '${name}' not supported: glossaries are not available for '${code}'.`,
      name,
    );
  }
  return code;
}

/**
 * Reads and checks the fields of one glossary (v2) or one dictionary (v3) as DeepL does
 * (the name aside, see readGlossaryName): `source_lang`, `target_lang` (a region such as `EN-GB` is dropped,
 * glossaries being per language; the two must differ), `entries` (at most 10 MiB) and
 * `entries_format` `tsv` (default) or `csv`. Field names in errors carry `prefix` (v3's
 * `dictionaries[0].`).
 */
export function readGlossaryFields(
  fields: Record<string, unknown>,
  prefix = '',
): { source_lang: string; target_lang: string; entries: GlossaryEntry[] } {
  const source = glossaryLanguage(fields.source_lang, `${prefix}source_lang`);
  const target = glossaryLanguage(fields.target_lang, `${prefix}target_lang`);
  if (source === target)
    throw invalidRequest('Source and target language of a glossary must differ.', `${prefix}target_lang`);
  const format =
    (typeof fields.entries_format === 'string' ? fields.entries_format.trim().toLowerCase() : '') || 'tsv';
  if (format !== 'tsv' && format !== 'csv') {
    throw invalidRequest(`Value for '${prefix}entries_format' not supported.`, `${prefix}entries_format`);
  }
  const text = requiredText(fields.entries, `${prefix}entries`);
  if (encoder.encode(text).length > MAX_GLOSSARY_BYTES) {
    throw new GatewayError(
      413,
      'request_too_large',
      `Glossary too large: entries are limited to ${MAX_GLOSSARY_BYTES} bytes.`,
      {
        param: `${prefix}entries`,
      },
    );
  }
  return { source_lang: source, target_lang: target, entries: parseGlossaryEntries(text, format) };
}
