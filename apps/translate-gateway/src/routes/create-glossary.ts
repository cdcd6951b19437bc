import { type GatewayRequest, invalidRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { MAX_GLOSSARIES } from '../glossaries/glossary-store';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';
import { readGlossaryFields } from '../glossaries/read-glossary-fields';
import { readGlossaryName } from '../glossaries/read-glossary-name';
import { readDeeplFields } from './read-deepl-fields';

/** The body around 10 MiB of entries: form encoding may grow it, so a little more is read. */
export const MAX_GLOSSARY_BODY_BYTES = 12 * 1024 * 1024;

/**
 * `POST /v2/glossaries`: DeepL's v2 glossary creation (JSON or form, as `deepl-node` sends), with
 * `entries` as `tsv` (default) or `csv`. Answers 201 with the glossary's description. DeepL's
 * limits: name and each term at most 1,024 UTF-8 bytes, entries at most 10 MiB, 1,000 glossaries
 * per key.
 */
export async function createGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const fields = await readDeeplFields(request, MAX_GLOSSARY_BODY_BYTES);
  const name = readGlossaryName(fields.name);
  const { source_lang, target_lang, entries } = readGlossaryFields(fields);
  const store = await glossaryStoreFor(request, env);
  const info = await store.create({ name, source_lang, target_lang }, entries);
  if (!info)
    throw invalidRequest(
      `Too many glossaries: a key may hold at most ${MAX_GLOSSARIES}. Delete some first.`,
      'name',
    );
  return Response.json(info, { status: 201 });
}
