import {
  canonicalPathname,
  createGatewayRouter,
  GatewayError,
  type GatewayRequest,
  noteExhaustion,
  renderDeeplError,
  renderDeeplxError,
  renderOpenAiError,
} from '@workers-ai-gateways/core';
import type { Env } from './env';
import { createGlossary } from './routes/create-glossary';
import { createMultilingualGlossary } from './routes/create-multilingual-glossary';
import { deeplLanguages } from './routes/deepl-languages';
import { deeplUsage } from './routes/deepl-usage';
import { deleteGlossary } from './routes/delete-glossary';
import { deleteMultilingualGlossary } from './routes/delete-multilingual-glossary';
import { getGlossary } from './routes/get-glossary';
import { getGlossaryEntries } from './routes/get-glossary-entries';
import { getMultilingualGlossary } from './routes/get-multilingual-glossary';
import { getMultilingualGlossaryEntries } from './routes/get-multilingual-glossary-entries';
import { glossaryLanguagePairs } from './routes/glossary-language-pairs';
import { home } from './routes/home';
import { listGlossaries } from './routes/list-glossaries';
import { listMultilingualGlossaries } from './routes/list-multilingual-glossaries';
import { models } from './routes/models';
import { translateDeepl } from './routes/translate-deepl';
import { translateDeeplx } from './routes/translate-deeplx';
import { translateImme } from './routes/translate-imme';

// The ledger's and the glossaries' Durable Object classes live in this worker (wrangler.jsonc `durable_objects`).
export { NeuronLedger } from '@workers-ai-gateways/core';
export { GlossaryStore } from './glossaries/glossary-store';

// DeepLX's own answers for an unknown path and a bad token; DeepLX clients show them as they are.
const DEEPLX_PATH_NOT_FOUND = new GatewayError(404, 'not_found', 'Path not found');
const DEEPLX_INVALID_TOKEN = new GatewayError(401, 'invalid_api_key', 'Invalid access token');

/** Each protocol's clients read errors in their own envelope: DeepL on /v2, OpenAI on /v1/models, DeepLX elsewhere. */
function renderError(error: GatewayError, request: GatewayRequest): Response {
  // Workers AI's 3036/4006 marks the day exhausted, so the next requests are refused here.
  noteExhaustion(request, error);
  const pathname = canonicalPathname(request);
  if (pathname.startsWith('/v2/')) return renderDeeplError(error);
  if (pathname === '/v1/models' || pathname === '/v1/usage') return renderOpenAiError(error);
  if (error.code === 'not_found' && error.status === 404) return renderDeeplxError(DEEPLX_PATH_NOT_FOUND);
  if (error.code === 'invalid_api_key' && error.status === 401)
    return renderDeeplxError(DEEPLX_INVALID_TOKEN);
  return renderDeeplxError(error);
}

const router = createGatewayRouter<Env>({ renderError, auth: { deeplForms: true }, home });

// No `guardBudget` in front of the translation routes: `translateTexts` checks the budget once it
// knows which segments the cache cannot serve, so a request fully served from cache (or needing
// no model at all) is answered even when today's budget is spent.
router
  .get('/v1/models', models)
  .post('/translate', translateDeeplx('Free'))
  .post('/v1/translate', translateDeeplx('Pro'))
  .post('/v2/translate', translateDeepl)
  .get('/v2/usage', deeplUsage)
  .post('/v2/usage', deeplUsage)
  .get('/v2/languages', deeplLanguages)
  .post('/v2/languages', deeplLanguages)
  .post('/imme', translateImme)
  .post('/v2/glossaries', createGlossary)
  .get('/v2/glossaries', listGlossaries)
  .get('/v2/glossaries/:id', getGlossary)
  .get('/v2/glossaries/:id/entries', getGlossaryEntries)
  .delete('/v2/glossaries/:id', deleteGlossary)
  .get('/v2/glossary-language-pairs', glossaryLanguagePairs)
  .post('/v3/glossaries', createMultilingualGlossary)
  .get('/v3/glossaries', listMultilingualGlossaries)
  .get('/v3/glossaries/:id', getMultilingualGlossary)
  .get('/v3/glossaries/:id/entries', getMultilingualGlossaryEntries)
  .delete('/v3/glossaries/:id', deleteMultilingualGlossary);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
