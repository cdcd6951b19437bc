import { type GatewayRequest, invalidRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from '../glossaries/glossary-not-found';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/**
 * `GET /v3/glossaries/{id}/entries?source_lang=&target_lang=`: one dictionary's entries as DeepL's
 * v3 answers them, `{dictionaries: [{source_lang, target_lang, entries (TSV), entries_format}]}`;
 * 404 for an unknown glossary or a pair it has no dictionary for.
 */
export async function getMultilingualGlossaryEntries(request: GatewayRequest, env: Env): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const source = query.get('source_lang')?.trim().toLowerCase();
  const target = query.get('target_lang')?.trim().toLowerCase();
  if (!source) throw invalidRequest("Parameter 'source_lang' not specified.", 'source_lang');
  if (!target) throw invalidRequest("Parameter 'target_lang' not specified.", 'target_lang');
  const store = await glossaryStoreFor(request, env);
  const entries = await store.multilingualEntries(String(request.params.id ?? ''), source, target);
  if (!entries || entries.length === 0) throw glossaryNotFound();
  const tsv = entries.map((entry) => `${entry.source}\t${entry.target}`).join('\n');
  return Response.json({
    dictionaries: [{ source_lang: source, target_lang: target, entries: tsv, entries_format: 'tsv' }],
  });
}
