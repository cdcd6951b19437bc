import {
  BODY_LIMITS,
  convertToWorkersAiTranscriptionInput,
  formatTranscription,
  GatewayError,
  type GatewayRequest,
  mapWorkersAiTranscription,
  parseTranscriptionRequest,
  readFormBody,
  recordUsage,
  requestConfig,
  resolveModel,
  upstreamFor,
} from '@workers-ai-gateways/core';
import { modelHeaders } from './model-headers';

async function transcribe(request: GatewayRequest, task: 'transcribe' | 'translate'): Promise<Response> {
  const form = parseTranscriptionRequest(await readFormBody(request, BODY_LIMITS.audio, 'file'));
  const config = requestConfig(request);
  const resolved = resolveModel(form.model, {
    aliases: config.modelAliases,
    task: 'automatic-speech-recognition',
  });
  request.gateway.model = resolved.model;
  // The upload goes on as workerd parsed it (a File), never copied into the heap (issue 11 #7).
  const inputs = convertToWorkersAiTranscriptionInput(form.file, {
    ...resolved,
    task,
    language: form.language,
    prompt: form.prompt,
    base64Limit: BODY_LIMITS.audioBase64,
  });
  const result = await upstreamFor(request).run(resolved.model, inputs, { signal: request.signal });
  if (result.kind !== 'json') {
    await result.body.cancel();
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI answered '${resolved.model}' without a transcript.`,
    );
  }
  const transcription = mapWorkersAiTranscription(result.data, form.language);
  recordUsage(request, { model: resolved.model, usage: { audioSeconds: transcription.duration } });
  const response = formatTranscription(transcription, {
    format: form.responseFormat,
    granularities: form.granularities,
    task,
  });
  for (const [name, value] of Object.entries(modelHeaders(resolved))) response.headers.set(name, value);
  return response;
}

/**
 * `POST /v1/audio/transcriptions`: multipart audio (25 MiB at most; 8 MiB for whisper-1, sent as
 * base64) to text with whisper-1
 * (whisper-large-v3-turbo), `@cf/openai/whisper` or nova-3, in every OpenAI response format.
 */
export function audioTranscriptions(request: GatewayRequest): Promise<Response> {
  return transcribe(request, 'transcribe');
}

/** `POST /v1/audio/translations`: speech in any language to English text (whisper-large-v3-turbo, task=translate). */
export function audioTranslations(request: GatewayRequest): Promise<Response> {
  return transcribe(request, 'translate');
}
