import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { validateOpenAiRequestBody } from './validate-openai-request-body';

const speechSchema = v.object({
  model: v.pipe(v.string(), v.minLength(1)),
  // OpenAI's own limit on the text of one speech request.
  input: v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(4096, 'must be at most 4096 characters'),
  ),
  voice: v.pipe(v.string(), v.minLength(1)),
  response_format: v.nullish(v.picklist(['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm']), 'mp3'),
  speed: v.nullish(v.pipe(v.number(), v.minValue(0.25), v.maxValue(4))),
  instructions: v.nullish(v.string()),
  stream_format: v.nullish(v.picklist(['audio', 'sse'])),
});

/** A validated `POST /v1/audio/speech` body. */
export type SpeechRequest = Omit<v.InferOutput<typeof speechSchema>, 'response_format'> & {
  response_format: 'mp3' | 'opus' | 'aac' | 'flac' | 'wav' | 'pcm';
};

/**
 * Validates `POST /v1/audio/speech`. `speed` other than 1 is refused: neither MeloTTS nor
 * Deepgram Aura on Workers AI has a rate control, and stretching the audio in the gateway would
 * mean decoding and re-encoding it. `stream_format: "sse"` (OpenAI's delta events) is refused
 * too; the audio itself is always streamed as it arrives. `instructions` only steers the tone of
 * OpenAI's newest voices and is ignored.
 */
export function parseSpeechRequest(body: unknown): SpeechRequest {
  const request = validateOpenAiRequestBody(speechSchema, body);
  if (request.speed != null && request.speed !== 1) {
    throw invalidRequest('Workers AI voices cannot change speed; omit speed or send 1.', 'speed');
  }
  if (request.stream_format === 'sse') {
    throw invalidRequest(
      "stream_format 'sse' is not supported; omit it to receive the audio bytes.",
      'stream_format',
    );
  }
  return { ...request, response_format: request.response_format ?? 'mp3' };
}
