import { invalidRequest } from '../errors/gateway-error';
import type { CatalogModel } from '../workers-ai/catalog/catalog-model';
import type { WorkersAiInputs } from '../workers-ai/client/create-workers-ai-client';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}

/**
 * Builds the Workers AI inputs for a speech-recognition call, in the form each model wants
 * (https://developers.cloudflare.com/workers-ai/models/<model>/):
 * - whisper-large-v3-turbo: JSON with the audio as a base64 string, `task` (transcribe or
 *   translate), `language` and the prompt as `initial_prompt`;
 * - whisper / whisper-tiny-en and nova-3: the audio bytes themselves (the client sends them raw
 *   over REST, as a byte array or a stream over the binding).
 * Only whisper-large-v3-turbo translates; asking another model to is a 400 naming `model`.
 */
export function convertToWorkersAiTranscriptionInput(
  audio: { bytes: Uint8Array; contentType: string },
  options: {
    model: string;
    entry: CatalogModel | undefined;
    task: 'transcribe' | 'translate';
    language: string | undefined;
    prompt: string | undefined;
  },
): WorkersAiInputs {
  const family = options.entry?.family;
  if (family === 'whisper-large-v3-turbo') {
    return {
      audio: toBase64(audio.bytes),
      task: options.task,
      // Whisper takes bare ISO-639-1 codes ("en", not "en-US").
      ...(options.language === undefined ? {} : { language: options.language.slice(0, 2).toLowerCase() }),
      ...(options.prompt === undefined ? {} : { initial_prompt: options.prompt }),
    };
  }
  if (options.task === 'translate') {
    throw invalidRequest(
      `The model '${options.model}' cannot translate speech; use whisper-1 (whisper-large-v3-turbo).`,
      'model',
    );
  }
  return { kind: 'bytes', body: audio.bytes, contentType: audio.contentType || 'application/octet-stream' };
}
