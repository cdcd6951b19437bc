import { createGatewayRouter, renderOpenAiError } from '@workers-ai-gateways/core';
import type { Env } from './env';
import { chatCompletions } from './routes/chat-completions';
import { healthz } from './routes/healthz';
import { home } from './routes/home';
import { imageFile } from './routes/image-file';
import { imagesEdits } from './routes/images-edits';
import { imagesGenerations } from './routes/images-generations';
import { models } from './routes/models';

const router = createGatewayRouter<Env>({
  renderError: renderOpenAiError,
  // Hosted images need no key: chat UIs load them with a plain <img> request.
  isPublic: (request) =>
    (request.method === 'GET' || request.method === 'HEAD') &&
    new URL(request.url).pathname.startsWith('/images/'),
});

router
  .get('/healthz', healthz)
  .get('/', home)
  .get('/v1/models', models)
  .post('/v1/images/generations', imagesGenerations)
  .post('/v1/images/edits', imagesEdits)
  .post('/v1/chat/completions', chatCompletions)
  .get('/images/*', imageFile)
  .head('/images/*', imageFile);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
