import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';
import { encodeBase64 } from './encode-base64';

// A mono 16 kHz 16-bit WAV of the given length in seconds.
function wav(seconds: number): Uint8Array {
  const dataLength = seconds * 16000 * 2;
  const bytes = new Uint8Array(44 + dataLength);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16000, true);
  view.setUint32(28, 32000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataLength, true);
  return bytes;
}

describe('speech recognition', () => {
  it('transcribes raw WAV bytes over REST with the duration from the header', async () => {
    const simulator = createSimulator();
    const response = await simulator.fetch(
      new Request('https://api.cloudflare.com/client/v4/accounts/a/ai/run/@cf/openai/whisper', {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'audio/wav' },
        body: wav(3),
      }),
    );
    const body = (await response.json()) as {
      result: { text: string; word_count: number; words: { end: number }[]; vtt: string };
    };
    expect(body.result.text).toBe('Simulated transcript of 3.0 seconds of audio.');
    expect(body.result.word_count).toBe(7);
    expect(body.result.words.at(-1)?.end).toBe(3);
    expect(body.result.vtt).toContain('00:00:00.000 --> 00:00:03.000');
    expect(simulator.neuronsUsed()).toBeCloseTo((3 / 60) * 41.14, 6);
  });

  it('takes number arrays through the binding and estimates duration without a header', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/openai/whisper-tiny-en', {
      audio: Array.from({ length: 32000 }, () => 0),
    })) as { text: string };
    expect(result.text).toBe('Simulated transcript of 2.0 seconds of audio.');
  });

  it('takes the binding stream form workerd sends as the raw body, for whisper too', async () => {
    const simulator = createSimulator();
    for (const model of ['@cf/openai/whisper', '@cf/openai/whisper-tiny-en']) {
      const result = (await simulator.binding.run(model, {
        audio: { body: new Blob([wav(2)]).stream(), contentType: 'audio/wav' },
      })) as { text: string };
      expect(result.text).toBe('Simulated transcript of 2.0 seconds of audio.');
    }
    await expect(
      simulator.binding.run('@cf/openai/whisper', { audio: { contentType: 'audio/wav' } }),
    ).rejects.toThrow(/^5006: /);
  });

  it('reads a streamed (chunked) JSON body for whisper-large-v3-turbo over REST', async () => {
    const simulator = createSimulator();
    const text = `{"audio":"${encodeBase64(wav(1))}","task":"transcribe"}`;
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1000) {
          controller.enqueue(bytes.slice(offset, offset + 1000));
        }
        controller.close();
      },
    });
    const response = await simulator.fetch(
      new Request(
        'https://api.cloudflare.com/client/v4/accounts/a/ai/run/@cf/openai/whisper-large-v3-turbo',
        {
          method: 'POST',
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body,
        },
      ),
    );
    expect(((await response.json()) as { result: { text: string } }).result.text).toBe(
      'Simulated transcript of 1.0 seconds of audio.',
    );
  });

  it('answers whisper-large-v3-turbo with segments and translates to English', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/openai/whisper-large-v3-turbo', {
      audio: encodeBase64(wav(2)),
      task: 'translate',
      language: 'fr',
    })) as { transcription_info: { language: string; duration: number }; text: string; segments: unknown[] };
    expect(result.transcription_info).toMatchObject({ language: 'en', duration: 2 });
    expect(result.text).toContain('English translation');
    expect(result.segments).toHaveLength(1);
    await expect(
      simulator.binding.run('@cf/openai/whisper-large-v3-turbo', { audio: 'AAAA', task: 'sing' }),
    ).rejects.toThrow(/^5006: /);
  });

  it('answers nova-3 in Deepgram shape from a binding body', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/deepgram/nova-3', {
      audio: { body: new Response(wav(1)).body, contentType: 'audio/wav' },
    })) as { results: { channels: { alternatives: { transcript: string; words: unknown[] }[] }[] } };
    const alternative = result.results.channels[0]?.alternatives[0];
    expect(alternative?.transcript).toBe('Simulated transcript of 1.0 seconds of audio.');
    expect(alternative?.words[0]).toMatchObject({ word: 'Simulated', confidence: expect.any(Number) });
  });
});
