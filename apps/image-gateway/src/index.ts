import { createGatewayRouter, renderOpenAiError } from '@workers-ai-gateways/core';
import type { Env } from './env';
import { healthz } from './routes/healthz';
import { home } from './routes/home';
import { models } from './routes/models';

const router = createGatewayRouter<Env>({ renderError: renderOpenAiError });

router.get('/healthz', healthz).get('/', home).get('/v1/models', models);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
