import {
  formatDeeplLanguage,
  type GatewayRequest,
  invalidRequest,
  resolveDeeplLanguage,
  type TranslationRequest,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from './glossary-not-found';
import type { GlossaryStore } from './glossary-store';
import { glossaryStoreFor } from './glossary-store-for';
import type { Glossary } from './glossary-types';

/** A v3 glossary's dictionary for the request's pair, as a one-pair glossary. */
async function loadDictionary(
  store: DurableObjectStub<GlossaryStore>,
  id: string,
  source: string,
  target: string,
): Promise<Glossary> {
  const info = await store.multilingualInfo(id);
  if (!info) throw glossaryNotFound();
  const sourceLang = formatDeeplLanguage(source).toLowerCase();
  const targetLang = formatDeeplLanguage(target).toLowerCase();
  const entries = await store.multilingualEntries(id, sourceLang, targetLang);
  if (!entries || entries.length === 0) {
    throw invalidRequest(
      "The glossary has no dictionary for the request's source_lang and target_lang.",
      'glossary_id',
    );
  }
  return {
    info: {
      glossary_id: info.glossary_id,
      name: info.name,
      ready: true,
      source_lang: sourceLang,
      target_lang: targetLang,
      creation_time: info.creation_time,
      entry_count: entries.length,
    },
    entries,
  };
}

/**
 * The glossary a translation asks for (`glossary_id`), from the calling key's store. As DeepL:
 * a glossary needs an explicit `source_lang` (400), an id the key does not have is a 404, and a
 * glossary for another language pair than the request's is a 400. A v3 glossary's id uses its
 * dictionary for the request's pair.
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
  if (!glossary) return loadDictionary(store, job.glossaryId, job.source.model, job.target.model);
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
