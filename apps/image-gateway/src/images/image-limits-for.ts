import type { CatalogModel, ImageLimits } from '@workers-ai-gateways/core';
import { imageFamilyOf } from './image-family-of';

/**
 * Size, step and guidance limits of an image model: the catalog's, or for an uncatalogued model
 * the limits of its guessed family (flux-1: fixed 1024×1024 and ≤ 8 steps; others 256–2048).
 */
export function imageLimitsFor(model: string, entry: CatalogModel | undefined): ImageLimits {
  if (entry?.image) return entry.image;
  const family = imageFamilyOf(model, entry);
  const fixed = family === 'flux-1';
  return {
    minWidth: fixed ? 1024 : 256,
    maxWidth: fixed ? 1024 : 2048,
    minHeight: fixed ? 1024 : 256,
    maxHeight: fixed ? 1024 : 2048,
    defaultWidth: 1024,
    defaultHeight: 1024,
    maxSteps: fixed ? 8 : 20,
    defaultSteps: fixed ? 4 : 20,
    guidance: family === 'stable-diffusion' ? [0, 30, 7.5] : undefined,
    img2img: family === 'stable-diffusion' || family === 'flux-2',
    inpainting: false,
  };
}
