import { toFile } from 'openai';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authorized,
  call,
  fetchImage,
  fromBase64,
  greyPngRows,
  imageSize,
  openAiClient,
  rgbaPng,
  sha256Hex,
  simulator,
} from './helpers';

const IMG2IMG = '@cf/runwayml/stable-diffusion-v1-5-img2img';
const INPAINTING = '@cf/runwayml/stable-diffusion-v1-5-inpainting';
const client = openAiClient();

let photo: Uint8Array;
let mask: Uint8Array;
let jpeg: Uint8Array;

beforeAll(async () => {
  // Real PNG and JPEG files to upload, made by the simulator through the gateway itself.
  const generate = async (model: string, prompt: string, size: string) => {
    const result = await client.images.generate({
      model,
      prompt,
      size: size as never,
      response_format: 'b64_json',
    });
    return fromBase64(result.data?.[0]?.b64_json ?? '');
  };
  photo = await generate('@cf/lykon/dreamshaper-8-lcm', 'a photo to edit', '512x384');
  mask = await generate('@cf/lykon/dreamshaper-8-lcm', 'a mask', '512x384');
  jpeg = await generate('@cf/leonardo/lucid-origin', 'a reference', '256x256');
});

beforeEach(() => simulator.reset());

async function expectHosted(url: string | undefined, width: number, height: number) {
  const response = await fetchImage(url ?? '');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(new URL(url ?? '').pathname).toContain(await sha256Hex(bytes));
  expect(imageSize(bytes)).toMatchObject({ width, height });
}

describe('POST /v1/images/edits', () => {
  it('runs img2img on an upload without a mask, keeping its size', async () => {
    const result = await client.images.edit({
      image: await toFile(photo, 'photo.png', { type: 'image/png' }),
      prompt: 'make it autumn',
    });
    expect(result.data).toHaveLength(1);
    await expectHosted(result.data?.[0]?.url, 512, 384);
    expect(simulator.calls[0]?.model).toBe(IMG2IMG);
    const inputs = simulator.calls[0]?.inputs as Record<string, unknown>;
    expect(inputs).toMatchObject({ prompt: 'make it autumn', width: 512, height: 384, strength: 0.8 });
    // The upload reaches the model unchanged.
    expect(fromBase64(inputs.image_b64 as string)).toEqual(photo);
  });

  it('inpaints when a mask is given', async () => {
    const result = await client.images.edit({
      image: await toFile(photo, 'photo.png', { type: 'image/png' }),
      mask: await toFile(mask, 'mask.png', { type: 'image/png' }),
      prompt: 'add a hat',
      size: '512x512',
      response_format: 'b64_json',
    });
    expect(imageSize(fromBase64(result.data?.[0]?.b64_json ?? ''))).toEqual({
      type: 'png',
      width: 512,
      height: 512,
    });
    expect(simulator.calls[0]?.model).toBe(INPAINTING);
    const inputs = simulator.calls[0]?.inputs as Record<string, unknown>;
    expect(Uint8Array.from(inputs.mask as number[])).toEqual(mask);
    expect(inputs.strength).toBeUndefined();
  });

  it("converts an OpenAI mask (transparent = edit) into SD's (white = repaint)", async () => {
    const hole = (x: number, y: number) => (x >= 100 && x < 300 && y >= 50 && y < 150 ? 0 : 255);
    const openAiMask = await rgbaPng(512, 384, hole);
    const result = await client.images.edit({
      image: await toFile(photo, 'photo.png', { type: 'image/png' }),
      mask: await toFile(openAiMask, 'mask.png', { type: 'image/png' }),
      prompt: 'fill the hole',
    });
    expect(result.data).toHaveLength(1);
    const sent = Uint8Array.from((simulator.calls[0]?.inputs as { mask?: number[] } | undefined)?.mask ?? []);
    const rows = await greyPngRows(sent);
    expect(rows).toHaveLength(384);
    expect(rows[100]?.slice(95, 105)).toEqual([0, 0, 0, 0, 0, 255, 255, 255, 255, 255]);
    expect(rows[10]?.every((value) => value === 0)).toBe(true);
    expect(rows.flat().filter((value) => value === 255)).toHaveLength(200 * 100);
  });

  it('sends several uploads to FLUX.2 as reference images, n times', async () => {
    const result = await client.images.edit({
      model: '@cf/black-forest-labs/flux-2-dev',
      image: [
        await toFile(jpeg, 'a.jpg', { type: 'image/jpeg' }),
        await toFile(photo, 'b.png', { type: 'image/png' }),
      ],
      prompt: 'combine them',
      size: '512x512',
      n: 2,
    });
    expect(result.data).toHaveLength(2);
    await expectHosted(result.data?.[1]?.url, 512, 512);
    expect(simulator.calls.map((entry) => entry.model)).toEqual([
      '@cf/black-forest-labs/flux-2-dev',
      '@cf/black-forest-labs/flux-2-dev',
    ]);
  });

  it('uses SD img2img for OpenAI model names whose target takes no image', async () => {
    await client.images.edit({ model: 'dall-e-2', image: await toFile(photo, 'p.png'), prompt: 'x' });
    expect(simulator.calls[0]?.model).toBe(IMG2IMG);
  });

  it('rejects what it cannot do with the field named', async () => {
    const noMaskModel = await client.images
      .edit({
        model: IMG2IMG,
        image: await toFile(photo, 'p.png'),
        mask: await toFile(mask, 'm.png'),
        prompt: 'x',
      })
      .catch((error: unknown) => error);
    expect(noMaskModel).toMatchObject({ status: 400, param: 'model' });
    const textModel = await client.images
      .edit({
        model: '@cf/black-forest-labs/flux-1-schnell',
        image: await toFile(photo, 'p.png'),
        prompt: 'x',
      })
      .catch((error: unknown) => error);
    expect(textModel).toMatchObject({ status: 400, param: 'model' });
    const notAnImage = await client.images
      .edit({ image: await toFile(new TextEncoder().encode('hello'), 'p.png'), prompt: 'x' })
      .catch((error: unknown) => error);
    expect(notAnImage).toMatchObject({ status: 400, param: 'image' });
    const wrongMask = await client.images
      .edit({ image: await toFile(photo, 'p.png'), mask: await toFile(jpeg, 'm.jpg'), prompt: 'x' })
      .catch((error: unknown) => error);
    expect(wrongMask).toMatchObject({ status: 400, param: 'mask' });
    const noPrompt = await client.images
      .edit({ image: await toFile(photo, 'p.png') } as never)
      .catch((error: unknown) => error);
    expect(noPrompt).toMatchObject({ status: 400, param: 'prompt' });
    expect(simulator.calls).toHaveLength(0);
  });

  it('takes uploads only: a URL in image is refused and never fetched', async () => {
    const form = new FormData();
    form.append('image', 'https://example.com/cat.png');
    form.append('prompt', 'x');
    const response = await call('/v1/images/edits', { method: 'POST', headers: authorized, body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param: 'image' } });
    const json = await call('/v1/images/edits', {
      method: 'POST',
      headers: { ...authorized, 'content-type': 'application/json' },
      body: JSON.stringify({ image: 'https://example.com/cat.png', prompt: 'x' }),
    });
    expect(json.status).toBe(400);
  });

  it('refuses uploads over 10 MiB with 413 before reading them', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const form = new FormData();
    form.append('image', new File([big], 'big.png', { type: 'image/png' }));
    form.append('prompt', 'x');
    const response = await call('/v1/images/edits', { method: 'POST', headers: authorized, body: form });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'request_too_large' } });
  });
});
