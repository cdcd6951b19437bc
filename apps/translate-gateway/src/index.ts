import {
  createGatewayRouter,
  type GatewayError,
  type GatewayRequest,
  renderDeeplError,
  renderDeeplxError,
  renderOpenAiError,
} from '@workers-ai-gateways/core';
import type { Env } from './env';
import { healthz } from './routes/healthz';
import { home } from './routes/home';
import { models } from './routes/models';

/** Each protocol's clients read errors in their own envelope: DeepL on /v2, OpenAI on /v1/models, DeepLX elsewhere. */
function renderError(error: GatewayError, request: GatewayRequest): Response {
  const pathname = new URL(request.url).pathname;
  if (pathname.startsWith('/v2/')) return renderDeeplError(error);
  if (pathname === '/v1/models' || pathname === '/v1/usage') return renderOpenAiError(error);
  return renderDeeplxError(error);
}

const router = createGatewayRouter<Env>({ renderError, auth: { deeplForms: true } });

router.get('/healthz', healthz).get('/', home).get('/v1/models', models);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
