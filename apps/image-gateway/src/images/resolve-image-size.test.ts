import { findModel } from '@workers-ai-gateways/core';
import { describe, expect, it } from 'vitest';
import { resolveImageSize } from './resolve-image-size';

const sdxl = findModel('@cf/stabilityai/stable-diffusion-xl-base-1.0')?.image;
const schnell = findModel('@cf/black-forest-labs/flux-1-schnell')?.image;

describe('resolveImageSize', () => {
  it('uses the model default for a missing size or auto', () => {
    if (!sdxl || !schnell) throw new Error('catalog entries missing');
    expect(resolveImageSize(undefined, sdxl)).toEqual({ width: 1024, height: 1024 });
    expect(resolveImageSize('auto', schnell)).toEqual({ width: 1024, height: 1024 });
  });

  it('keeps custom sizes inside the range and refuses others with param size', () => {
    if (!sdxl) throw new Error('catalog entry missing');
    expect(resolveImageSize('640x480', sdxl)).toEqual({ width: 640, height: 480 });
    expect(() => resolveImageSize('4096x4096', sdxl)).toThrowError(
      expect.objectContaining({ status: 400, param: 'size' }),
    );
    expect(() => resolveImageSize('100x300', sdxl)).toThrowError(expect.objectContaining({ param: 'size' }));
    expect(() => resolveImageSize('big', sdxl)).toThrowError(expect.objectContaining({ param: 'size' }));
  });

  it("fits OpenAI's own sizes into any model's range", () => {
    if (!sdxl || !schnell) throw new Error('catalog entries missing');
    expect(resolveImageSize('1792x1024', schnell)).toEqual({ width: 1024, height: 1024 });
    expect(resolveImageSize('256x256', schnell)).toEqual({ width: 1024, height: 1024 });
    expect(resolveImageSize('1792x1024', sdxl)).toEqual({ width: 1792, height: 1024 });
    const narrow = { ...sdxl, maxWidth: 1024, maxHeight: 1024 };
    expect(resolveImageSize('1024x1792', narrow)).toEqual({ width: 584, height: 1024 });
  });
});
