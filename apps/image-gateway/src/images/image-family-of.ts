import type { CatalogModel, ModelFamily } from '@workers-ai-gateways/core';

/** The Workers AI image schema families. */
export type ImageFamily = Extract<ModelFamily, 'stable-diffusion' | 'flux-1' | 'leonardo' | 'flux-2'>;

/**
 * The input schema family of an image model: from its catalog entry, or for an uncatalogued
 * `@cf/...` ID passed through, guessed from the ID (defaulting to the SD family's schema).
 */
export function imageFamilyOf(model: string, entry: CatalogModel | undefined): ImageFamily {
  const family = entry?.family;
  if (family === 'stable-diffusion' || family === 'flux-1' || family === 'leonardo' || family === 'flux-2') {
    return family;
  }
  if (model.includes('flux-2')) return 'flux-2';
  if (model.includes('flux-1')) return 'flux-1';
  if (model.includes('leonardo')) return 'leonardo';
  return 'stable-diffusion';
}
