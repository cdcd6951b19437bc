import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';
import { decodeBase64 } from './decode-base64';

const restBase = 'https://api.cloudflare.com/client/v4/accounts/a/ai/run/';

function readPngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function readJpegSize(bytes: Uint8Array): { width: number; height: number } {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  expect([bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd9]);
  let offset = 2;
  while (offset < bytes.length) {
    const marker = bytes[offset + 1] ?? 0;
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (marker === 0xc0) {
      const at = (index: number) => bytes[offset + index] ?? 0;
      return { height: (at(5) << 8) | at(6), width: (at(7) << 8) | at(8) };
    }
    offset += 2 + length;
  }
  throw new Error('no SOF0');
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('image generation', () => {
  it('answers raw PNG bytes of the requested size over REST, without envelope', async () => {
    const simulator = createSimulator();
    const response = await simulator.fetch(
      new Request(`${restBase}@cf/stabilityai/stable-diffusion-xl-base-1.0`, {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: JSON.stringify({ prompt: 'a red fox', width: 640, height: 384 }),
      }),
    );
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(readPngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 640, height: 384 });
    expect(simulator.neuronsUsed()).toBe(0);
  });

  it('streams PNG bytes from the binding, 1024×1024 by default', async () => {
    const simulator = createSimulator();
    const stream = (await simulator.binding.run('@cf/bytedance/stable-diffusion-xl-lightning', {
      prompt: 'x',
    })) as ReadableStream<Uint8Array>;
    expect(readPngSize(await readStream(stream))).toEqual({ width: 1024, height: 1024 });
  });

  it('validates the SD family inputs', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.binding.run('@cf/lykon/dreamshaper-8-lcm', { prompt: 'x', num_steps: 21 }),
    ).rejects.toThrow(/^5006: .*num_steps/);
    await expect(
      simulator.binding.run('@cf/lykon/dreamshaper-8-lcm', { prompt: 'x', width: 100 }),
    ).rejects.toThrow(/^5006: /);
    await expect(
      simulator.binding.run('@cf/runwayml/stable-diffusion-v1-5-img2img', { prompt: 'x' }),
    ).rejects.toThrow("5006: required properties at '/' are 'image'");
    await expect(
      simulator.binding.run('@cf/runwayml/stable-diffusion-v1-5-inpainting', { prompt: 'x', image: [1, 2] }),
    ).rejects.toThrow("5006: required properties at '/' are 'mask'");
  });

  it('answers flux-1-schnell with a base64 JPEG and prices tiles and steps', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/black-forest-labs/flux-1-schnell', {
      prompt: 'a lighthouse',
      steps: 6,
    })) as { image: string };
    expect(readJpegSize(decodeBase64(result.image, 'image'))).toEqual({ width: 1024, height: 1024 });
    expect(simulator.neuronsUsed()).toBeCloseTo(4 * 4.8 + 6 * 9.6, 6);
    await expect(
      simulator.binding.run('@cf/black-forest-labs/flux-1-schnell', { prompt: 'x', steps: 9 }),
    ).rejects.toThrow(/^5006: /);
    await expect(
      simulator.binding.run('@cf/black-forest-labs/flux-1-schnell', { prompt: 'x', width: 512 }),
    ).rejects.toThrow("5006: Additional or unevaluated properties '/width' at '/' not allowed");
  });

  it('answers leonardo models with a JPEG of the requested size', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/leonardo/phoenix-1.0', {
      prompt: 'x',
      width: 1000,
      height: 600,
      negative_prompt: 'blur',
    })) as { image: string };
    expect(readJpegSize(decodeBase64(result.image, 'image'))).toEqual({ width: 1000, height: 600 });
    await expect(
      simulator.binding.run('@cf/leonardo/lucid-origin', { prompt: 'x', negative_prompt: 'blur' }),
    ).rejects.toThrow(/^5006: /);
  });

  it('reads flux-2 multipart from REST and from the binding', async () => {
    const simulator = createSimulator();
    const form = new FormData();
    form.set('prompt', 'a cat');
    form.set('width', '768');
    form.set('height', '512');
    form.set('input_image_0', new File([new Uint8Array([1, 2, 3])], 'in.png', { type: 'image/png' }));
    const response = await simulator.fetch(
      new Request(`${restBase}@cf/black-forest-labs/flux-2-dev`, {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: form,
      }),
    );
    const body = (await response.json()) as { result: { image: string } };
    expect(readJpegSize(decodeBase64(body.result.image, 'image'))).toEqual({ width: 768, height: 512 });

    const encoded = new Response(form);
    const result = (await simulator.binding.run('@cf/black-forest-labs/flux-2-klein-4b', {
      multipart: { body: encoded.body, contentType: encoded.headers.get('content-type') },
    })) as { image: string };
    expect(readJpegSize(decodeBase64(result.image, 'image'))).toEqual({ width: 768, height: 512 });
  });

  it('rejects prompts marked [[nsfw]] with 3030', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.binding.run('@cf/black-forest-labs/flux-1-schnell', { prompt: 'something [[nsfw]]' }),
    ).rejects.toThrow(/^3030: /);
  });
});
