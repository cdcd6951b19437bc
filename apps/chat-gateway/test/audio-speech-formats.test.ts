// Issue 11 #15: /v1/audio/speech labels audio by the bytes Workers AI returned, and answers 502
// when they are not the format asked.
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { openAiClient, testEnv } from './helpers';

const simulator = createSimulator();

afterEach(() => simulator.reset());

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

describe('POST /v1/audio/speech formats', () => {
  it('answers each response_format of tts-1-hd with bytes of that format, labelled by them', async () => {
    const client = openAiClient(testEnv(simulator));
    const expected = {
      mp3: ['audio/mpeg', (bytes: Uint8Array) => bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0],
      opus: [
        'audio/ogg',
        (bytes: Uint8Array) => ascii(bytes, 0, 4) === 'OggS' && ascii(bytes, 28, 8) === 'OpusHead',
      ],
      aac: ['audio/aac', (bytes: Uint8Array) => bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xf6) === 0xf0],
      flac: ['audio/flac', (bytes: Uint8Array) => ascii(bytes, 0, 4) === 'fLaC'],
      wav: [
        'audio/wav',
        (bytes: Uint8Array) => ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE',
      ],
      pcm: ['audio/pcm', (bytes: Uint8Array) => bytes.length > 0 && bytes.every((byte) => byte === 0)],
    } as const;
    for (const [format, [contentType, looksRight]] of Object.entries(expected)) {
      const response = await client.audio.speech.create({
        model: 'tts-1-hd',
        voice: 'alloy',
        input: 'Hello there, world.',
        response_format: format as keyof typeof expected,
      });
      expect(response.headers.get('content-type'), format).toBe(contentType);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(looksRight(bytes), `${format} bytes`).toBe(true);
    }
  });

  it('answers 502 in the OpenAI envelope when the bytes are not the format asked', async () => {
    // An upstream that answers MP3 whatever it is asked for (the simulator's old behaviour).
    const mp3Only = {
      async run(model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>) {
        const { encoding: _encoding, container: _container, sample_rate: _rate, ...rest } = inputs;
        return simulator.binding.run(model, rest, options);
      },
      models: simulator.binding.models,
    };
    const client = openAiClient(testEnv(simulator, { AI: mp3Only }));
    for (const format of ['wav', 'flac', 'opus', 'aac', 'pcm'] as const) {
      const error = await client.audio.speech
        .create({ model: 'tts-1-hd', voice: 'alloy', input: 'Hi.', response_format: format })
        .catch((caught: unknown) => caught);
      expect(error, format).toMatchObject({ status: 502, code: 'upstream_error', type: 'api_error' });
      expect((error as Error).message).toContain('audio/mpeg');
    }
    const mp3 = await client.audio.speech.create({ model: 'tts-1-hd', voice: 'alloy', input: 'Hi.' });
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
  });
});
