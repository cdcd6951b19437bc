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

  it('answers aura in the encoding and container asked, each a real file of that kind', async () => {
    const simulator = createSimulator();
    const run = async (inputs: Record<string, unknown>) => {
      const stream = (await simulator.binding.run('@cf/deepgram/aura-1', {
        text: 'Hello there, this is a test.',
        ...inputs,
      })) as ReadableStream<Uint8Array>;
      return new Uint8Array(await new Response(stream).arrayBuffer());
    };
    const ascii = (bytes: Uint8Array, start: number, length: number) =>
      String.fromCharCode(...bytes.subarray(start, start + length));
    const wav = await run({ encoding: 'linear16', container: 'wav', sample_rate: 16000 });
    expect([ascii(wav, 0, 4), ascii(wav, 8, 4)]).toEqual(['RIFF', 'WAVE']);
    const view = new DataView(wav.buffer);
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint32(40, true)).toBe(wav.length - 44);
    const pcm = await run({ encoding: 'linear16', container: 'none', sample_rate: 24000 });
    expect(pcm.every((byte) => byte === 0)).toBe(true);
    const mulaw = await run({ encoding: 'mulaw' });
    expect(new DataView(mulaw.buffer).getUint16(20, true)).toBe(7);
    const flac = await run({ encoding: 'flac' });
    expect(ascii(flac, 0, 4)).toBe('fLaC');
    // STREAMINFO: 48 kHz, mono, 16 bits; then frames that start with the 0xFFF8 sync code.
    expect((flac[18] ?? 0) * 4096 + (flac[19] ?? 0) * 16 + ((flac[20] ?? 0) >> 4)).toBe(48000);
    expect([flac[42], flac[43]]).toEqual([0xff, 0xf8]);
    const ogg = await run({ encoding: 'opus', container: 'ogg' });
    expect(ascii(ogg, 0, 4)).toBe('OggS');
    expect(ascii(ogg, 28, 8)).toBe('OpusHead');
    expect(ogg[5]).toBe(0x02);
    const aac = await run({ encoding: 'aac' });
    // ADTS: 0xFFF sync, layer 00, then frame_length (13 bits) frames back to back.
    expect([aac[0], (aac[1] ?? 0) & 0xf6]).toEqual([0xff, 0xf0]);
    const frameLength = (((aac[3] ?? 0) & 3) << 11) | ((aac[4] ?? 0) << 3) | ((aac[5] ?? 0) >> 5);
    expect(aac.length % frameLength).toBe(0);
    expect([aac[frameLength], aac[frameLength + 1]]).toEqual([0xff, 0xf1]);
    const mp3 = await run({ encoding: 'mp3' });
    expect(frameStarts(mp3)).toHaveLength(mp3.length / 417);
    await expect(run({ encoding: 'mp3', container: 'wav' })).rejects.toThrow(/^5006: /);
    await expect(run({ encoding: 'linear16', container: 'ogg' })).rejects.toThrow(/^5006: /);
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
