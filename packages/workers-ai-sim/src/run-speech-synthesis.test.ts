import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';

function frameStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  for (let offset = 0; offset + 1 < bytes.length; offset += 417) {
    // 11-bit frame sync, MPEG-1, Layer III, no CRC.
    if (bytes[offset] === 0xff && bytes[offset + 1] === 0xfb) starts.push(offset);
  }
  return starts;
}

describe('speech synthesis', () => {
  it('answers aura with raw MP3 frames, more for longer text', async () => {
    const simulator = createSimulator();
    const response = await simulator.fetch(
      new Request('https://api.cloudflare.com/client/v4/accounts/a/ai/run/@cf/deepgram/aura-1', {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: JSON.stringify({ text: 'Hello there, this is a test.', speaker: 'luna' }),
      }),
    );
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    const short = new Uint8Array(await response.arrayBuffer());
    expect(short.length % 417).toBe(0);
    expect(frameStarts(short)).toHaveLength(short.length / 417);
    const stream = (await simulator.binding.run('@cf/deepgram/aura-2-en', {
      text: 'Hello there, this is a much longer test of the speech synthesis.',
    })) as ReadableStream<Uint8Array>;
    const long = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(frameStarts(long).length).toBeGreaterThan(frameStarts(short).length);
    expect(simulator.neuronsUsed()).toBeCloseTo((28 / 1000) * 1363.64 + (64 / 1000) * 2727.27, 4);
  });

  it('rejects unknown speakers', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.binding.run('@cf/deepgram/aura-2-es', { text: 'hola', speaker: 'angus' }),
    ).rejects.toThrow(/^5006: /);
  });

  it('answers melotts with base64 MP3', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/myshell-ai/melotts', {
      prompt: 'hello',
      lang: 'en',
    })) as {
      audio: string;
    };
    const bytes = Uint8Array.from(atob(result.audio), (character) => character.charCodeAt(0));
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xfb, 0x90]);
  });
});
