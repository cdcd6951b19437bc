import { APIError, BadRequestError } from 'openai';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  authorized,
  bindingEnv,
  call,
  customSize,
  fetchImage,
  fromBase64,
  imageSize,
  keyOf,
  openAiClient,
  sha256Hex,
  simulator,
  spiedBucket,
} from './helpers';

const SDXL = '@cf/stabilityai/stable-diffusion-xl-base-1.0';
const FLUX_SCHNELL = '@cf/black-forest-labs/flux-1-schnell';
const KEY_PATTERN = /^images\/\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{64}\.(png|jpg)$/;

const client = openAiClient();

beforeEach(() => simulator.reset());

/** Fetches a returned URL through the worker and checks it against R2 and the expected image. */
async function expectHostedImage(
  url: string | undefined,
  type: 'png' | 'jpeg',
  width: number,
  height: number,
) {
  expect(url).toBeDefined();
  const key = keyOf(url ?? '');
  expect(key).toMatch(KEY_PATTERN);
  const response = await fetchImage(url ?? '');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type === 'png' ? 'image/png' : 'image/jpeg');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const stored = await spiedBucket.get(key);
  const storedBytes = new Uint8Array(await (stored as R2ObjectBody).arrayBuffer());
  expect(await sha256Hex(bytes)).toBe(await sha256Hex(storedBytes));
  // Content-addressed: the key names the SHA-256 of the bytes.
  expect(key).toContain(await sha256Hex(bytes));
  expect(imageSize(bytes)).toEqual({ type, width, height });
  return { bytes, stored: stored as R2ObjectBody };
}

describe('POST /v1/images/generations', () => {
  it('makes an SD-family PNG at the asked size, hosted in R2 with metadata but not the prompt', async () => {
    const result = await client.images.generate({
      model: SDXL,
      prompt: 'a red fox in snow',
      size: customSize('512x768'),
    });
    expect(result.data).toHaveLength(1);
    expect(result.data?.[0]?.revised_prompt).toBe('a red fox in snow');
    expect(result).toMatchObject({ output_format: 'png', size: customSize('512x768') });
    const { stored } = await expectHostedImage(result.data?.[0]?.url, 'png', 512, 768);
    // Nothing derived from the prompt: even its plain hash lets a bucket reader test guessed prompts.
    expect(Object.keys(stored.customMetadata ?? {}).sort()).toEqual(['created', 'model', 'requestId']);
    expect(stored.customMetadata).toMatchObject({ model: SDXL });
    expect(JSON.stringify(stored.customMetadata)).not.toContain('fox');
    expect(JSON.stringify(stored.customMetadata)).not.toContain(
      await sha256Hex(new TextEncoder().encode('a red fox in snow')),
    );
    expect(simulator.calls[0]?.inputs).toMatchObject({
      prompt: 'a red fox in snow',
      width: 512,
      height: 768,
    });
  });

  it('returns b64_json for an SD model, and stores the same bytes', async () => {
    const result = await client.images.generate({
      model: SDXL,
      prompt: 'a lighthouse',
      size: '256x256',
      response_format: 'b64_json',
    });
    const bytes = fromBase64(result.data?.[0]?.b64_json ?? '');
    expect(imageSize(bytes)).toEqual({ type: 'png', width: 256, height: 256 });
    expect(result.data?.[0]?.url).toBeUndefined();
    const date = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
    const stored = await spiedBucket.head(`images/${date}/${await sha256Hex(bytes)}.png`);
    expect(stored?.size).toBe(bytes.length);
  });

  it('makes flux-1-schnell JPEGs, fitting OpenAI sizes into its fixed 1024x1024', async () => {
    const result = await client.images.generate({
      model: FLUX_SCHNELL,
      prompt: 'a blue robot',
      size: '1792x1024',
    });
    expect(result).toMatchObject({ output_format: 'jpeg', size: '1024x1024' });
    await expectHostedImage(result.data?.[0]?.url, 'jpeg', 1024, 1024);
    // flux-1-schnell's schema has no width or height: sending them would be a 5006.
    expect(simulator.calls[0]?.inputs).toEqual({ prompt: 'a blue robot' });

    const encoded = await client.images.generate({
      model: FLUX_SCHNELL,
      prompt: 'a blue robot',
      response_format: 'b64_json',
    });
    expect(imageSize(fromBase64(encoded.data?.[0]?.b64_json ?? ''))).toEqual({
      type: 'jpeg',
      width: 1024,
      height: 1024,
    });
  });

  it('defaults to flux-1-schnell and maps dall-e-2 / dall-e-3', async () => {
    await client.images.generate({ prompt: 'default model' });
    await client.images.generate({ model: 'dall-e-3', prompt: 'alias three', quality: 'hd' });
    await client.images.generate({ model: 'dall-e-2', prompt: 'alias two', size: '512x512', quality: 'low' });
    expect(simulator.calls.map((entry) => entry.model)).toEqual([
      FLUX_SCHNELL,
      FLUX_SCHNELL,
      '@cf/bytedance/stable-diffusion-xl-lightning',
    ]);
    // quality maps to steps: hd → the model's maximum, low → half its default.
    expect(simulator.calls[1]?.inputs).toMatchObject({ steps: 8 });
    expect(simulator.calls[2]?.inputs).toMatchObject({ num_steps: 10, width: 512, height: 512 });
  });

  it('makes n images with n parallel calls, each seed offset so they differ', async () => {
    const result = await client.images.generate({
      model: SDXL,
      prompt: 'three cats',
      n: 3,
      size: '256x256',
      seed: 7,
    } as never);
    expect(result.data).toHaveLength(3);
    expect(simulator.calls).toHaveLength(3);
    expect(simulator.calls.map((entry) => (entry.inputs as { seed: number }).seed).sort()).toEqual([7, 8, 9]);
    for (const image of result.data ?? []) await expectHostedImage(image.url, 'png', 256, 256);
  });

  it('clamps steps and guidance to the model range and passes negative_prompt', async () => {
    await client.images.generate({
      model: SDXL,
      prompt: 'clamped',
      size: '256x256',
      steps: 99,
      guidance: 100,
      negative_prompt: 'blurry',
    } as never);
    expect(simulator.calls[0]?.inputs).toMatchObject({
      num_steps: 20,
      guidance: 30,
      negative_prompt: 'blurry',
    });
  });

  it('serves every image family: Leonardo lucid-origin and phoenix, FLUX.2 dev and klein', async () => {
    const lucid = await client.images.generate({
      model: '@cf/leonardo/lucid-origin',
      prompt: 'lucid',
      size: '512x512',
    });
    await expectHostedImage(lucid.data?.[0]?.url, 'jpeg', 512, 512);
    const phoenix = await client.images.generate({
      model: '@cf/leonardo/phoenix-1.0',
      prompt: 'phoenix',
      size: customSize('768x512'),
      negative_prompt: 'text',
    } as never);
    await expectHostedImage(phoenix.data?.[0]?.url, 'jpeg', 768, 512);
    expect(simulator.calls[1]?.inputs).toMatchObject({ negative_prompt: 'text', width: 768, height: 512 });
    const dev = await client.images.generate({
      model: '@cf/black-forest-labs/flux-2-dev',
      prompt: 'flux two',
      size: customSize('512x256'),
    });
    await expectHostedImage(dev.data?.[0]?.url, 'jpeg', 512, 256);
    const klein = await client.images.generate({
      model: '@cf/black-forest-labs/flux-2-klein-4b',
      prompt: 'klein',
      size: '256x256',
      quality: 'high',
    });
    await expectHostedImage(klein.data?.[0]?.url, 'jpeg', 256, 256);
    // FLUX.2 takes a multipart body through the binding.
    expect(Object.keys(simulator.calls[2]?.inputs as object)).toEqual(['multipart']);
  });

  it('answers a size outside the model range with 400 param size', async () => {
    const tooLarge = await client.images
      .generate({ model: SDXL, prompt: 'x', size: '4096x4096' as never })
      .catch((error: unknown) => error);
    expect(tooLarge).toBeInstanceOf(BadRequestError);
    expect(tooLarge).toMatchObject({ status: 400, param: 'size' });
    const notSquare = await client.images
      .generate({ model: FLUX_SCHNELL, prompt: 'x', size: '512x768' as never })
      .catch((error: unknown) => error);
    expect(notSquare).toMatchObject({ status: 400, param: 'size' });
    const garbage = await client.images
      .generate({ model: SDXL, prompt: 'x', size: 'huge' as never })
      .catch((error: unknown) => error);
    expect(garbage).toMatchObject({ status: 400, param: 'size' });
    expect(simulator.calls).toHaveLength(0);
  });

  it('rejects bad requests with the field named', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ prompt: '' }, 'prompt'],
      [{}, 'prompt'],
      [{ prompt: 'x', n: 5 }, 'n'],
      [{ prompt: 'x', n: 1.5 }, 'n'],
      [{ prompt: 'x', response_format: 'png' }, 'response_format'],
      [{ prompt: 'x', stream: true }, 'stream'],
      [{ prompt: 'x'.repeat(2049), model: FLUX_SCHNELL }, 'prompt'],
      [{ prompt: 'x', model: '@cf/meta/llama-3.1-8b-instruct-fast' }, 'model'],
    ];
    for (const [body, param] of cases) {
      const response = await call('/v1/images/generations', {
        method: 'POST',
        headers: { ...authorized, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { param, type: 'invalid_request_error' } });
    }
    const malformed = await call('/v1/images/generations', {
      method: 'POST',
      headers: authorized,
      body: '{nope',
    });
    expect(malformed.status).toBe(400);
    const unknownModel = await client.images
      .generate({ model: 'gpt-image-9', prompt: 'x' })
      .catch((error: unknown) => error);
    expect(unknownModel).toMatchObject({ status: 404, code: 'model_not_found' });
    expect(simulator.calls).toHaveLength(0);
  });

  it('needs a key', async () => {
    const response = await call('/v1/images/generations', {
      method: 'POST',
      body: JSON.stringify({ prompt: 'x' }),
    });
    expect(response.status).toBe(401);
  });

  it('answers content-policy rejections (3030) with content_policy_violation, never an image', async () => {
    const error = await client.images
      .generate({ model: SDXL, prompt: 'bad [[nsfw]] prompt' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'content_policy_violation', param: 'prompt' });
  });

  it('returns the images that succeeded when only some of n fail, and the error when all fail', async () => {
    simulator.injectFault({ kind: 'status', code: 5006, times: 1 });
    const response = await call('/v1/images/generations', {
      method: 'POST',
      headers: { ...authorized, 'content-type': 'application/json' },
      body: JSON.stringify({ model: SDXL, prompt: 'partial', n: 2, size: '256x256' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-images-failed')).toBe('1');
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(1);

    simulator.injectFault({ kind: 'status', code: 4006, times: 2 });
    const allFailed = await client.images
      .generate({ model: FLUX_SCHNELL, prompt: 'none', n: 2 })
      .catch((error: unknown) => error);
    expect(allFailed).toBeInstanceOf(APIError);
    expect(allFailed).toMatchObject({ status: 429, code: 'insufficient_quota' });
  });

  it('answers a truncated upstream image with 502, not a broken image', async () => {
    simulator.injectFault({ kind: 'truncate', times: 2 });
    const error = await client.images
      .generate({ model: SDXL, prompt: 'cut', size: '256x256' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502 });
  });

  it('logs the model and its neurons', async () => {
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      await client.images.generate({ model: FLUX_SCHNELL, prompt: 'counted', n: 2 });
    } finally {
      console.log = original;
    }
    const line = JSON.parse(lines.find((entry) => entry.includes('/v1/images/generations')) ?? '{}');
    // 4 tiles × 4.8 + 4 steps × 9.6 per image, two images.
    expect(line).toMatchObject({ model: FLUX_SCHNELL, neurons: 115.2, status: 200 });
    expect(JSON.stringify(lines)).not.toContain('counted');
  });

  it('still answers b64_json without a bucket, and names the missing binding for url', async () => {
    const noBucket = openAiClient(bindingEnv({ IMAGES: undefined }));
    const encoded = await noBucket.images.generate({
      model: SDXL,
      prompt: 'unhosted',
      response_format: 'b64_json',
    });
    expect(imageSize(fromBase64(encoded.data?.[0]?.b64_json ?? ''))).toMatchObject({ type: 'png' });
    const error = await noBucket.images
      .generate({ model: SDXL, prompt: 'unhosted' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503, code: 'configuration_error' });
    expect((error as Error).message).toContain('IMAGES');
  });
});
