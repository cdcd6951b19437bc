import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { toFile } from 'openai';
import { beforeEach, describe, expect, it } from 'vitest';
import { gatewayFetch, openAiClient, sineWav, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator);
const client = openAiClient(environment);
const fetchGateway = gatewayFetch(environment);

beforeEach(() => simulator.reset());

const wav = () => toFile(sineWav(1), 'tone.wav', { type: 'audio/wav' });

describe('POST /v1/audio/transcriptions', () => {
  it('transcribes a real WAV with whisper-1 (whisper-large-v3-turbo, base64 audio)', async () => {
    const transcription = await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-1' });
    expect(transcription.text).toBe('Simulated transcript of 1.0 seconds of audio.');
    const inputs = simulator.calls[0]?.inputs as { audio: string; task: string };
    expect(simulator.calls[0]?.model).toBe('@cf/openai/whisper-large-v3-turbo');
    expect(inputs.task).toBe('transcribe');
    expect(atob(inputs.audio).slice(0, 4)).toBe('RIFF');
  });

  it('answers text, srt and vtt', async () => {
    const text = await client.audio.transcriptions.create({
      file: await wav(),
      model: 'whisper-1',
      response_format: 'text',
    });
    expect(text).toBe('Simulated transcript of 1.0 seconds of audio.\n');
    const srt = await client.audio.transcriptions.create({
      file: await wav(),
      model: 'whisper-1',
      response_format: 'srt',
    });
    expect(srt).toBe('1\n00:00:00,000 --> 00:00:01,000\nSimulated transcript of 1.0 seconds of audio.\n\n');
    const vtt = await client.audio.transcriptions.create({
      file: await wav(),
      model: 'whisper-1',
      response_format: 'vtt',
    });
    expect(vtt).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nSimulated transcript of 1.0 seconds of audio.\n\n',
    );
  });

  it('answers verbose_json with word and segment timestamps', async () => {
    const verbose = await client.audio.transcriptions.create({
      file: await wav(),
      model: 'whisper-1',
      response_format: 'verbose_json',
      timestamp_granularities: ['word', 'segment'],
      language: 'en',
    });
    expect(verbose).toMatchObject({ task: 'transcribe', language: 'english', duration: 1 });
    expect(verbose.words?.[0]).toEqual({ word: 'Simulated', start: 0, end: expect.any(Number) });
    expect(verbose.words?.at(-1)?.end).toBe(1);
    expect(verbose.segments?.[0]).toMatchObject({
      id: 0,
      start: 0,
      end: 1,
      text: 'Simulated transcript of 1.0 seconds of audio.',
    });
    const segmentsOnly = await client.audio.transcriptions.create({
      file: await wav(),
      model: 'whisper-1',
      response_format: 'verbose_json',
    });
    expect(segmentsOnly.segments).toHaveLength(1);
    expect(segmentsOnly.words).toBeUndefined();
  });

  it('sends the audio bytes to @cf/openai/whisper and nova-3', async () => {
    for (const model of ['@cf/openai/whisper', '@cf/deepgram/nova-3']) {
      const verbose = await client.audio.transcriptions.create({
        file: await wav(),
        model,
        response_format: 'verbose_json',
        timestamp_granularities: ['word'],
      });
      expect(verbose.text).toBe('Simulated transcript of 1.0 seconds of audio.');
      expect(verbose.words?.at(-1)?.end).toBe(1);
    }
    // The binding's stream form (workerd sends it as the raw body), not a number[] (issue 11 #7).
    const audio = (simulator.calls[0]?.inputs as { audio?: { body?: unknown } } | undefined)?.audio;
    expect(audio?.body).toBeInstanceOf(ReadableStream);
  });

  it('refuses bad uploads with a 400 naming the field', async () => {
    const cases: [FormData | string, string, string][] = [];
    const noFile = new FormData();
    noFile.set('model', 'whisper-1');
    cases.push([noFile, 'multipart/form-data', 'file']);
    const badFormat = new FormData();
    badFormat.set('file', new File([sineWav(0.1)], 'a.wav'));
    badFormat.set('model', 'whisper-1');
    badFormat.set('response_format', 'mp3');
    cases.push([badFormat, 'multipart/form-data', 'response_format']);
    const granularityWithoutVerbose = new FormData();
    granularityWithoutVerbose.set('file', new File([sineWav(0.1)], 'a.wav'));
    granularityWithoutVerbose.set('model', 'whisper-1');
    granularityWithoutVerbose.append('timestamp_granularities[]', 'word');
    cases.push([granularityWithoutVerbose, 'multipart/form-data', 'timestamp_granularities']);
    for (const [body, , param] of cases) {
      const response = await fetchGateway('/v1/audio/transcriptions', { method: 'POST', body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { param } });
    }
    const broken = await fetchGateway('/v1/audio/transcriptions', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nnot a part',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const json = await fetchGateway('/v1/audio/transcriptions', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
  });

  it('refuses uploads over 25 MiB with 413 before reading them', async () => {
    const response = await fetchGateway('/v1/audio/transcriptions', {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=xyz',
        'content-length': String(26 * 1024 * 1024),
      },
      body: 'x',
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'request_too_large' } });
  });
});

describe('POST /v1/audio/translations', () => {
  it('translates to English with whisper-large-v3-turbo task=translate', async () => {
    const translation = await client.audio.translations.create({ file: await wav(), model: 'whisper-1' });
    expect(translation.text).toBe('Simulated English translation of 1.0 seconds of audio.');
    expect(simulator.calls[0]?.inputs).toMatchObject({ task: 'translate' });
    const verbose = await client.audio.translations.create({
      file: await wav(),
      model: 'whisper-1',
      response_format: 'verbose_json',
    });
    expect(verbose).toMatchObject({ task: 'translate', language: 'english', duration: 1 });
  });

  it('refuses models that cannot translate', async () => {
    const error = await client.audio.translations
      .create({ file: await wav(), model: '@cf/openai/whisper' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'model' });
  });
});

describe('POST /v1/audio/speech', () => {
  it('speaks with tts-1 (MeloTTS, base64 decoded to MP3)', async () => {
    const response = await client.audio.speech.create({
      model: 'tts-1',
      voice: 'alloy',
      input: 'Hello there, world.',
    });
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes[0]).toBe(0xff);
    expect(simulator.calls[0]).toMatchObject({
      model: '@cf/myshell-ai/melotts',
      inputs: { prompt: 'Hello there, world.', lang: 'en' },
    });
  });

  it('speaks with tts-1-hd (Aura) with a mapped speaker and encoding', async () => {
    const mp3 = await client.audio.speech.create({ model: 'tts-1-hd', voice: 'nova', input: 'Hello.' });
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    expect((await mp3.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(simulator.calls[0]).toMatchObject({
      model: '@cf/deepgram/aura-2-en',
      inputs: { text: 'Hello.', speaker: 'luna' },
    });
    const wav = await client.audio.speech.create({
      model: 'tts-1-hd',
      voice: 'onyx',
      input: 'Hi.',
      response_format: 'wav',
    });
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    await wav.arrayBuffer();
    expect(simulator.calls[1]?.inputs).toMatchObject({
      speaker: 'jupiter',
      encoding: 'linear16',
      container: 'wav',
    });
  });

  it('refuses formats, voices and speeds that cannot be honoured with a 400 naming the field', async () => {
    for (const [body, param] of [
      [{ model: 'tts-1', voice: 'alloy', input: 'x', response_format: 'flac' }, 'response_format'],
      [{ model: 'tts-1-hd', voice: 'alloy', input: 'x', response_format: 'ogg' }, 'response_format'],
      [{ model: 'tts-1-hd', voice: 'darth', input: 'x' }, 'voice'],
      [{ model: 'tts-1', voice: 'alloy', input: 'x', speed: 1.5 }, 'speed'],
      [{ model: 'tts-1', voice: 'alloy', input: '' }, 'input'],
    ] as const) {
      const response = await fetchGateway('/v1/audio/speech', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', param } });
    }
  });
});
