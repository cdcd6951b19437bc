import {
  type GatewayRequest,
  invalidRequest,
  resolveDeeplLanguage,
  type TranslationRequest,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from './glossary-not-found';
import { glossaryStoreFor } from './glossary-store-for';
import type { Glossary } from './glossary-types';

/**
 * The glossary a translation asks for (`glossary_id`), from the calling key's store. As DeepL:
 * a glossary needs an explicit `source_lang` (400), an id the key does not have is a 404, and a
 * glossary for another language pair than the request's is a 400.
 */
export async function loadGlossary(
  request: GatewayRequest,
  env: Env,
  job: TranslationRequest,
): Promise<Glossary | undefined> {
  if (job.glossaryId === undefined) return undefined;
  if (!job.source)
    throw invalidRequest(
      "Use of a glossary requires the 'source_lang' parameter to be specified.",
      'source_lang',
    );
  const store = await glossaryStoreFor(request, env);
  const glossary = await store.glossary(job.glossaryId);
  if (!glossary) throw glossaryNotFound();
  const source = resolveDeeplLanguage(glossary.info.source_lang, 'source_lang').model;
  const target = resolveDeeplLanguage(glossary.info.target_lang, 'target_lang').model;
  if (source !== job.source.model || target !== job.target.model) {
    throw invalidRequest(
      "The glossary's language pair does not match the request's source_lang and target_lang.",
      'glossary_id',
    );
  }
  return glossary;
}
