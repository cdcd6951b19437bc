import {
  canonicalPathname,
  createGatewayRouter,
  guardBudget,
  noteExhaustion,
  renderAnthropicError,
  renderOpenAiError,
} from '@workers-ai-gateways/core';
import type { Env } from './env';
import { audioSpeech } from './routes/audio-speech';
import { audioTranscriptions, audioTranslations } from './routes/audio-transcriptions';
import { chatCompletions } from './routes/chat-completions';
import { completions } from './routes/completions';
import { embeddings } from './routes/embeddings';
import { home } from './routes/home';
import { messages } from './routes/messages';
import { messagesCountTokens } from './routes/messages-count-tokens';
import { model } from './routes/model';
import { models } from './routes/models';
import { deleteResponse, getResponse } from './routes/response';
import { responseInputItems } from './routes/response-input-items';
import { responses } from './routes/responses';

// The ledger's Durable Object class lives in this worker (wrangler.jsonc `durable_objects`).
export { NeuronLedger } from '@workers-ai-gateways/core';
// The Responses API's stored responses (wrangler.jsonc `RESPONSE_STORE`), one instance per key.
export { ResponseStore } from './responses/response-store';

const router = createGatewayRouter<Env>({
  home,
  renderError: (error, request) => {
    // Workers AI's 3036/4006 marks the day exhausted, so the next requests are refused here.
    noteExhaustion(request, error);
    // Anthropic's clients read only Anthropic's envelope, for every path under /v1/messages.
    const pathname = canonicalPathname(request);
    if (pathname === '/v1/messages' || pathname.startsWith('/v1/messages/')) {
      return renderAnthropicError(error, request.gateway?.id);
    }
    return renderOpenAiError(error);
  },
});

router
  .get('/v1/models', models)
  .get('/v1/models/:id+', model)
  .post('/v1/chat/completions', guardBudget, chatCompletions)
  .post('/v1/completions', guardBudget, completions)
  .post('/v1/embeddings', guardBudget, embeddings)
  .post('/v1/audio/transcriptions', guardBudget, audioTranscriptions)
  .post('/v1/audio/translations', guardBudget, audioTranslations)
  .post('/v1/audio/speech', guardBudget, audioSpeech)
  .post('/v1/messages', guardBudget, messages)
  .post('/v1/messages/count_tokens', messagesCountTokens)
  .post('/v1/responses', guardBudget, responses)
  .get('/v1/responses/:id', getResponse)
  .delete('/v1/responses/:id', deleteResponse)
  .get('/v1/responses/:id/input_items', responseInputItems);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
