import { findModel, type WorkersAiInputs } from '@workers-ai-gateways/core';
import { describe, expect, it } from 'vitest';
import { type ImageRequest, parseImageRequest } from './parse-image-request';
import { planImageCall } from './plan-image-call';

function plan(
  model: string,
  body: Record<string, unknown>,
  extra: { images?: Uint8Array[]; mask?: Uint8Array } = {},
) {
  const request: ImageRequest = parseImageRequest({ prompt: 'a cat', ...body });
  return planImageCall({
    model,
    entry: findModel(model),
    request,
    size: { width: 512, height: 768 },
    index: 1,
    ...extra,
  });
}

function formOf(inputs: WorkersAiInputs): FormData {
  if ('form' in inputs && inputs.form instanceof FormData) return inputs.form;
  throw new Error('expected a multipart form');
}

describe('planImageCall', () => {
  it('builds SD-family JSON with clamped steps and guidance and an offset seed', () => {
    const result = plan('@cf/stabilityai/stable-diffusion-xl-base-1.0', {
      steps: 50,
      guidance: -1,
      seed: 10,
    });
    expect(result.inputs).toEqual({
      prompt: 'a cat',
      seed: 11,
      width: 512,
      height: 768,
      num_steps: 20,
      guidance: 0,
    });
    expect(result).toMatchObject({ width: 512, height: 768, steps: 20, family: 'stable-diffusion' });
  });

  it('sends img2img uploads as image_b64 with a strength, masks as byte arrays', () => {
    const image = Uint8Array.from([1, 2, 3]);
    const img2img = plan('@cf/runwayml/stable-diffusion-v1-5-img2img', {}, { images: [image] });
    expect(img2img.inputs).toMatchObject({ image_b64: 'AQID', strength: 0.8 });
    const inpaint = plan(
      '@cf/runwayml/stable-diffusion-v1-5-inpainting',
      {},
      { images: [image], mask: image },
    );
    expect(inpaint.inputs).toMatchObject({ image_b64: 'AQID', mask: [1, 2, 3] });
    expect(inpaint.inputs).not.toHaveProperty('strength');
  });

  it('sends flux-1-schnell only what its schema has, and checks its prompt limit', () => {
    const result = plan('@cf/black-forest-labs/flux-1-schnell', { quality: 'low', negative_prompt: 'x' });
    expect(result.inputs).toEqual({ prompt: 'a cat', steps: 2 });
    expect(result).toMatchObject({ width: 1024, height: 1024, steps: 2 });
    expect(() => plan('@cf/black-forest-labs/flux-1-schnell', { prompt: 'x'.repeat(2049) })).toThrowError(
      expect.objectContaining({ param: 'prompt' }),
    );
  });

  it('gives Leonardo num_steps, and only Phoenix a negative prompt', () => {
    expect(plan('@cf/leonardo/lucid-origin', { quality: 'hd', negative_prompt: 'x' }).inputs).toEqual({
      prompt: 'a cat',
      width: 512,
      height: 768,
      num_steps: 40,
    });
    expect(plan('@cf/leonardo/phoenix-1.0', { negative_prompt: 'x' }).inputs).toMatchObject({
      negative_prompt: 'x',
    });
  });

  it('builds a multipart form for FLUX.2, without steps for klein', async () => {
    const dev = formOf(
      plan('@cf/black-forest-labs/flux-2-dev', { steps: 30 }, { images: [Uint8Array.from([9])] }).inputs,
    );
    expect(dev.get('steps')).toBe('30');
    expect(dev.get('width')).toBe('512');
    const file: unknown = dev.get('input_image_0');
    if (!(file instanceof Blob)) throw new Error('expected an uploaded file');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(Uint8Array.from([9]));
    const klein = formOf(plan('@cf/black-forest-labs/flux-2-klein-4b', { quality: 'hd' }).inputs);
    expect(klein.has('steps')).toBe(false);
  });
});
