import type { ModelUsage } from '@workers-ai-gateways/core';

/**
 * What a set of image calls consumed, in the catalog's image unit: the size and steps of one
 * call times the images actually produced (failed calls are not counted). The one place image
 * usage is computed; `generateImages` books it through core's `recordUsage`.
 */
export function measureImageUsage(
  plan: { width: number; height: number; steps: number },
  images: number,
): Extract<ModelUsage, { width: number }> {
  return { width: plan.width, height: plan.height, steps: plan.steps, images };
}
