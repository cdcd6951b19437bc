import {
  convertToWorkersAiSpeechInput,
  decodeBase64,
  GatewayError,
  type GatewayRequest,
  parseSpeechRequest,
  readJsonBody,
  recordUsage,
  requestConfig,
  resolveModel,
  upstreamFor,
} from '@workers-ai-gateways/core';
import { labelSpeechAudio } from '../audio/label-speech-audio';
import { modelHeaders } from './model-headers';

/**
 * `POST /v1/audio/speech`: text to audio with tts-1 (MeloTTS, MP3) or tts-1-hd (Deepgram Aura,
 * mp3/opus/aac/flac/wav/pcm). Aura's bytes are streamed to the client as they arrive;
 * MeloTTS answers base64 JSON, decoded here. Either way the content type is the one the bytes
 * show, and bytes that are not the format asked are a 502.
 */
export async function audioSpeech(request: GatewayRequest): Promise<Response> {
  const body = parseSpeechRequest(await readJsonBody(request));
  const config = requestConfig(request);
  const resolved = resolveModel(body.model, { aliases: config.modelAliases, task: 'text-to-speech' });
  request.gateway.model = resolved.model;
  const call = convertToWorkersAiSpeechInput(body, resolved);
  const result = await upstreamFor(request).run(resolved.model, call.inputs, { signal: request.signal });
  recordUsage(request, { model: resolved.model, usage: { characters: body.input.length } });
  if (result.kind === 'binary') {
    const labelled = await labelSpeechAudio(result.body, call.contentType, resolved.model);
    return new Response(labelled.body, {
      headers: { 'content-type': labelled.contentType, ...modelHeaders(resolved) },
    });
  }
  const audio =
    result.kind === 'json' && typeof result.data === 'object' && result.data !== null
      ? (result.data as { audio?: unknown }).audio
      : undefined;
  if (typeof audio !== 'string' || audio === '') {
    if (result.kind === 'stream') await result.body.cancel();
    throw new GatewayError(502, 'upstream_error', `Workers AI answered '${resolved.model}' without audio.`);
  }
  const bytes = decodeBase64(audio);
  if (bytes === undefined) {
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI answered '${resolved.model}' with audio that is not base64.`,
    );
  }
  const labelled = await labelSpeechAudio(
    new Response(bytes).body ?? new ReadableStream(),
    call.contentType,
    resolved.model,
  );
  return new Response(labelled.body, {
    headers: { 'content-type': labelled.contentType, ...modelHeaders(resolved) },
  });
}
