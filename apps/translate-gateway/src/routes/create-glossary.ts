import {
  formatDeeplLanguage,
  GatewayError,
  type GatewayRequest,
  invalidRequest,
  resolveDeeplLanguage,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { GLOSSARY_LANGUAGE_CODES } from '../glossaries/glossary-language-codes';
import { MAX_GLOSSARIES } from '../glossaries/glossary-store';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';
import { MAX_TERM_BYTES, parseGlossaryEntries } from '../glossaries/parse-glossary-entries';
import { readDeeplFields } from './read-deepl-fields';

/** DeepL's limit on one glossary's entries: 10 MiB. */
export const MAX_GLOSSARY_BYTES = 10 * 1024 * 1024;
/** The body around 10 MiB of entries: form encoding may grow it, so a little more is read. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;
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
 * `POST /v2/glossaries`: DeepL's v2 glossary creation (JSON or form, as `deepl-node` sends), with
 * `entries` as `tsv` (default) or `csv`. Answers 201 with the glossary's description. DeepL's
 * limits: name and each term at most 1,024 UTF-8 bytes, entries at most 10 MiB, 1,000 glossaries
 * per key; a region (`EN-GB`) is dropped, as glossaries are per language.
 */
export async function createGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const fields = await readDeeplFields(request, MAX_BODY_BYTES);
  const name = requiredText(fields.name, 'name');
  if (encoder.encode(name).length > MAX_TERM_BYTES)
    throw invalidRequest(`Value for 'name' is longer than ${MAX_TERM_BYTES} bytes.`, 'name');
  const source = glossaryLanguage(fields.source_lang, 'source_lang');
  const target = glossaryLanguage(fields.target_lang, 'target_lang');
  if (source === target)
    throw invalidRequest('Source and target language of a glossary must differ.', 'target_lang');
  const format =
    (typeof fields.entries_format === 'string' ? fields.entries_format.trim().toLowerCase() : '') || 'tsv';
  if (format !== 'tsv' && format !== 'csv')
    throw invalidRequest("Value for 'entries_format' not supported.", 'entries_format');
  const text = requiredText(fields.entries, 'entries');
  if (encoder.encode(text).length > MAX_GLOSSARY_BYTES) {
    throw new GatewayError(
      413,
      'request_too_large',
      `Glossary too large: entries are limited to ${MAX_GLOSSARY_BYTES} bytes.`,
      { param: 'entries' },
    );
  }
  const entries = parseGlossaryEntries(text, format);
  const store = await glossaryStoreFor(request, env);
  const info = await store.create({ name, source_lang: source, target_lang: target }, entries);
  if (!info)
    throw invalidRequest(
      `Too many glossaries: a key may hold at most ${MAX_GLOSSARIES}. Delete some first.`,
      'name',
    );
  return Response.json(info, { status: 201 });
}
