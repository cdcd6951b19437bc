import { createGatewayRouter, renderOpenAiError } from '@workers-ai-gateways/core';
import type { Env } from './env';
import { audioSpeech } from './routes/audio-speech';
import { audioTranscriptions, audioTranslations } from './routes/audio-transcriptions';
import { chatCompletions } from './routes/chat-completions';
import { completions } from './routes/completions';
import { embeddings } from './routes/embeddings';
import { healthz } from './routes/healthz';
import { home } from './routes/home';
import { model } from './routes/model';
import { models } from './routes/models';

const router = createGatewayRouter<Env>({ renderError: renderOpenAiError });

router
  .get('/healthz', healthz)
  .get('/', home)
  .get('/v1/models', models)
  .get('/v1/models/:id+', model)
  .post('/v1/chat/completions', chatCompletions)
  .post('/v1/completions', completions)
  .post('/v1/embeddings', embeddings)
  .post('/v1/audio/transcriptions', audioTranscriptions)
  .post('/v1/audio/translations', audioTranslations)
  .post('/v1/audio/speech', audioSpeech);

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
