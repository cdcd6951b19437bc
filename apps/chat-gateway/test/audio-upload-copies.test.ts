// Issue 11 #7: audio goes to Workers AI with at most one copy. A binary-input model gets the
// upload as a stream (never a number[] or a base64 string); whisper-1's base64 is encoded as the
// REST body is sent; an upload past the limit is refused with 413 naming `file` before it is
// read whole.
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { toFile } from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayFetch, openAiClient, sineWav, testEnv } from './helpers';

const simulator = createSimulator();
const MiB = 1024 * 1024;

afterEach(() => {
  vi.unstubAllGlobals();
  simulator.reset();
});

const rest = {
  UPSTREAM_MODE: 'rest',
  CF_ACCOUNT_ID: 'acct',
  CF_API_TOKEN: 'tok',
  CF_API_BASE: 'http://sim.test/client/v4',
};

/** The simulator's binding, recording the shape of each call's `audio` before it runs. */
function spyingBinding(shapes: string[]) {
  return {
    run(model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>) {
      const audio = inputs.audio;
      shapes.push(
        Array.isArray(audio)
          ? 'array'
          : typeof audio === 'string'
            ? 'string'
            : audio !== null &&
                typeof audio === 'object' &&
                (audio as { body?: unknown }).body instanceof ReadableStream
              ? 'stream'
              : typeof audio,
      );
      return simulator.binding.run(model, inputs, options);
    },
    models: simulator.binding.models,
  };
}

describe('audio uploads, binding mode', () => {
  it('hands whisper, whisper-tiny-en and nova-3 the upload as a stream, never an array or base64', async () => {
    const shapes: string[] = [];
    const client = openAiClient(testEnv(simulator, { AI: spyingBinding(shapes) }));
    for (const model of ['@cf/openai/whisper', '@cf/openai/whisper-tiny-en', '@cf/deepgram/nova-3']) {
      const transcription = await client.audio.transcriptions.create({
        file: await toFile(sineWav(2), 'tone.wav', { type: 'audio/wav' }),
        model,
      });
      expect(transcription.text).toBe('Simulated transcript of 2.0 seconds of audio.');
    }
    expect(shapes).toEqual(['stream', 'stream', 'stream']);
  });

  it('refuses a whisper-1 file over 8 MiB (sent as base64) with 413 naming file', async () => {
    const shapes: string[] = [];
    const client = openAiClient(testEnv(simulator, { AI: spyingBinding(shapes) }));
    const error = await client.audio.transcriptions
      .create({ file: await toFile(new Uint8Array(8 * MiB + 1), 'big.wav'), model: 'whisper-1' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 413, param: 'file' });
    expect(shapes).toEqual([]);
  });

  it('stops reading an upload past 25 MiB with 413 naming file, with or without Content-Length', async () => {
    const fetchGateway = gatewayFetch(testEnv(simulator));
    const chunk = new Uint8Array(MiB);
    let pulled = 0;
    const head = new TextEncoder().encode(
      '--xyz\r\ncontent-disposition: form-data; name="file"; filename="a.wav"\r\ncontent-type: audio/wav\r\n\r\n',
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        pulled += 1;
        if (pulled > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetchGateway('/v1/audio/transcriptions', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'request_too_large', param: 'file' } });
    // 25 MiB, plus what the stream queues ahead of the reader.
    expect(pulled).toBeLessThan(30);
    expect(simulator.calls).toHaveLength(0);
  });
});

describe('audio uploads, REST mode', () => {
  it('sends whisper the file as the raw body and whisper-1 a JSON body, encoded as it is sent above 1 MiB', async () => {
    const bodies: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(
        init?.body instanceof ReadableStream
          ? 'stream'
          : typeof init?.body === 'string'
            ? 'string'
            : init?.body instanceof Blob
              ? 'blob'
              : 'other',
      );
      return simulator.fetch(new Request(input, init));
    });
    const client = openAiClient(testEnv(simulator, rest));
    const raw = await client.audio.transcriptions.create({
      file: await toFile(sineWav(1), 'tone.wav', { type: 'audio/wav' }),
      model: '@cf/openai/whisper',
    });
    expect(raw.text).toBe('Simulated transcript of 1.0 seconds of audio.');
    const turbo = await client.audio.translations.create({
      file: await toFile(sineWav(3), 'tone.wav', { type: 'audio/wav' }),
      model: 'whisper-1',
      prompt: 'A "quoted" prompt',
    });
    expect(turbo.text).toBe('Simulated English translation of 3.0 seconds of audio.');
    // 40 s of 16 kHz 16-bit audio: 1.28 MB, over the 1 MiB up to which the body is one string.
    const long = await client.audio.transcriptions.create({
      file: await toFile(sineWav(40), 'long.wav', { type: 'audio/wav' }),
      model: 'whisper-1',
      language: 'en',
    });
    expect(long.text).toBe('Simulated transcript of 40.0 seconds of audio.');
    expect(bodies).toEqual(['blob', 'string', 'stream']);
    const inputs = simulator.calls[1]?.inputs as { audio: string; task: string; initial_prompt: string };
    expect(inputs.task).toBe('translate');
    expect(inputs.initial_prompt).toBe('A "quoted" prompt');
    const decode = (base64: string) => Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    expect(decode(inputs.audio)).toEqual(sineWav(3));
    const longInputs = simulator.calls[2]?.inputs as { audio: string; language: string };
    expect(longInputs.language).toBe('en');
    expect(decode(longInputs.audio)).toEqual(sineWav(40));
  });
});
