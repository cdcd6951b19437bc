import {
  createGatewayRouter,
  guardBudget,
  noteExhaustion,
  renderOpenAiError,
} from '@workers-ai-gateways/core';
import type { Env } from './env';
import { chatCompletions } from './routes/chat-completions';
import { home } from './routes/home';
import { imageFile } from './routes/image-file';
import { imagesEdits } from './routes/images-edits';
import { imagesGenerations } from './routes/images-generations';
import { models } from './routes/models';

// The ledger's Durable Object class lives in this worker (wrangler.jsonc `durable_objects`).
export { NeuronLedger } from '@workers-ai-gateways/core';

const router = createGatewayRouter<Env>({
  home,
  renderError: (error, request) => {
    // Workers AI's 3036/4006 marks the day exhausted, so the next requests are refused here.
    noteExhaustion(request, error);
    return renderOpenAiError(error);
  },
  // Hosted images need no key: chat UIs load them with a plain <img> request.
  isPublic: (request) =>
    (request.method === 'GET' || request.method === 'HEAD') &&
    new URL(request.url).pathname.startsWith('/images/'),
});

router
  .get('/v1/models', models)
  .post('/v1/images/generations', guardBudget, imagesGenerations)
  .post('/v1/images/edits', guardBudget, imagesEdits)
  .post('/v1/chat/completions', guardBudget, chatCompletions)
  .get('/images/*', imageFile)
  .head('/images/*', imageFile);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
