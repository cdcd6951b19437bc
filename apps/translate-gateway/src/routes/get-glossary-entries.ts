import { GatewayError, type GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from '../glossaries/glossary-not-found';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/**
 * `GET /v2/glossaries/{id}/entries`: the entries as TSV (`text/tab-separated-values`, the one
 * format DeepL's v2 answers in; another `Accept` is DeepL's 415), or DeepL's 404.
 */
export async function getGlossaryEntries(request: GatewayRequest, env: Env): Promise<Response> {
  const accept = request.headers.get('accept') ?? '';
  if (accept !== '' && !/text\/tab-separated-values|\*\/\*|text\/\*/i.test(accept)) {
    throw new GatewayError(
      415,
      'unsupported_media_type',
      "Value for 'Accept' header not supported: use text/tab-separated-values.",
    );
  }
  const store = await glossaryStoreFor(request, env);
  const glossary = await store.glossary(String(request.params.id ?? ''));
  if (!glossary) throw glossaryNotFound();
  const tsv = glossary.entries.map((entry) => `${entry.source}\t${entry.target}`).join('\n');
  return new Response(tsv, { headers: { 'content-type': 'text/tab-separated-values; charset=utf-8' } });
}
