import { GatewayError, invalidRequest } from '../errors/gateway-error';
import type { CatalogModel } from '../workers-ai/catalog/catalog-model';
import type { WorkersAiInputs } from '../workers-ai/client/create-workers-ai-client';

/**
 * Builds the Workers AI inputs for a speech-recognition call, in the form each model wants
 * (https://developers.cloudflare.com/workers-ai/models/<model>/), from the upload as it is (a
 * `Blob`, never copied into the isolate's heap here):
 * - whisper-large-v3-turbo: JSON with the audio as a base64 string, `task` (transcribe or
 *   translate), `language` and the prompt as `initial_prompt`; the client encodes the base64 as
 *   it sends it. The base64 text and its JSON cost more than twice the file over the binding, so
 *   this model takes at most `options.base64Limit` bytes (413 naming `file`);
 * - whisper / whisper-tiny-en and nova-3: the audio bytes themselves (the REST body, or the
 *   binding's `{audio: {body, contentType}}`, which workerd also sends as the raw body).
 * Only whisper-large-v3-turbo translates; asking another model to is a 400 naming `model`.
 */
export function convertToWorkersAiTranscriptionInput(
  audio: Blob,
  options: {
    model: string;
    entry: CatalogModel | undefined;
    task: 'transcribe' | 'translate';
    language: string | undefined;
    prompt: string | undefined;
    /** The largest file sent as base64 (`BODY_LIMITS.audioBase64`). */
    base64Limit: number;
  },
): WorkersAiInputs {
  const family = options.entry?.family;
  if (family === 'whisper-large-v3-turbo') {
    if (audio.size > options.base64Limit) {
      throw new GatewayError(
        413,
        'request_too_large',
        `The audio file is ${audio.size} bytes; '${options.model}' takes at most ${options.base64Limit} bytes (the file is sent as base64). @cf/openai/whisper and @cf/deepgram/nova-3 take larger files.`,
        { param: 'file' },
      );
    }
    return {
      kind: 'base64-field',
      field: 'audio',
      blob: audio,
      fields: {
        task: options.task,
        // Whisper takes bare ISO-639-1 codes ("en", not "en-US").
        ...(options.language === undefined ? {} : { language: options.language.slice(0, 2).toLowerCase() }),
        ...(options.prompt === undefined ? {} : { initial_prompt: options.prompt }),
      },
    };
  }
  if (options.task === 'translate') {
    throw invalidRequest(
      `The model '${options.model}' cannot translate speech; use whisper-1 (whisper-large-v3-turbo).`,
      'model',
    );
  }
  return { kind: 'bytes', body: audio, contentType: audio.type || 'application/octet-stream' };
}
