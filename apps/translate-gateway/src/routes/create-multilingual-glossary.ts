import { type GatewayRequest, invalidRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { MAX_GLOSSARIES } from '../glossaries/glossary-store';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';
import type { MultilingualDictionary } from '../glossaries/glossary-types';
import { readGlossaryFields } from '../glossaries/read-glossary-fields';
import { readGlossaryName } from '../glossaries/read-glossary-name';
import { MAX_GLOSSARY_BODY_BYTES } from './create-glossary';
import { readDeeplFields } from './read-deepl-fields';

/** The dictionaries of a v3 body: a JSON `dictionaries` array, or form fields `dictionaries[i].x`. */
function dictionaryFields(fields: Record<string, unknown>): Array<Record<string, unknown>> {
  if (Array.isArray(fields.dictionaries)) {
    return fields.dictionaries.map((item) =>
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {},
    );
  }
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(fields)) {
    const match = /^dictionaries\[(\d+)\]\.(\w+)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const dictionary = byIndex.get(index) ?? {};
    dictionary[match[2] ?? ''] = value;
    byIndex.set(index, dictionary);
  }
  return [...byIndex.entries()]
    .sort(([first], [second]) => first - second)
    .map(([, dictionary]) => dictionary);
}

/**
 * `POST /v3/glossaries`: a DeepL v3 (multilingual) glossary, `name` and one dictionary per
 * language pair (`deepl-node`'s `createMultilingualGlossary` sends them as `dictionaries[i].*`
 * form fields; JSON `dictionaries` works too), each checked as a v2 glossary is. 201 with its
 * description. Editing (PATCH, PUT and DELETE of dictionaries) is not served.
 */
export async function createMultilingualGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const fields = await readDeeplFields(request, MAX_GLOSSARY_BODY_BYTES);
  const name = readGlossaryName(fields.name);
  const raw = dictionaryFields(fields);
  if (raw.length === 0) throw invalidRequest("Parameter 'dictionaries' not specified.", 'dictionaries');
  const dictionaries: MultilingualDictionary[] = raw.map((dictionary, index) =>
    readGlossaryFields(dictionary, `dictionaries[${index}].`),
  );
  const pairs = new Set(
    dictionaries.map((dictionary) => `${dictionary.source_lang}>${dictionary.target_lang}`),
  );
  if (pairs.size !== dictionaries.length)
    throw invalidRequest('Each language pair may have only one dictionary.', 'dictionaries');
  const store = await glossaryStoreFor(request, env);
  const info = await store.createMultilingual(name, dictionaries);
  if (!info)
    throw invalidRequest(
      `Too many glossaries: a key may hold at most ${MAX_GLOSSARIES}. Delete some first.`,
      'name',
    );
  return Response.json(info, { status: 201 });
}
