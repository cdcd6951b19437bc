import { type ImageLimits, invalidRequest } from '@workers-ai-gateways/core';

/** Width and height in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

// Sizes OpenAI's image models accept (dall-e-2, dall-e-3, gpt-image). Clients hard-code them, so
// each is served by every model: scaled into the model's range, keeping its aspect ratio.
const OPENAI_NAMED_SIZES = new Set([
  '256x256',
  '512x512',
  '1024x1024',
  '1536x1024',
  '1024x1536',
  '1792x1024',
  '1024x1792',
]);

/**
 * Turns OpenAI's `size` into the pixel size to ask the model for.
 *
 * - missing or `auto`: the model's default size;
 * - one of OpenAI's own sizes (`1024x1792`, `256x256`, ...): fitted into the model's range, with
 *   the aspect ratio kept where the range allows, so clients written for DALL·E work on every model;
 * - any other `WxH`: used exactly, or a 400 naming `param` when the model cannot make it.
 */
export function resolveImageSize(size: string | undefined, limits: ImageLimits, param = 'size'): ImageSize {
  if (size === undefined || size === 'auto')
    return { width: limits.defaultWidth, height: limits.defaultHeight };
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  if (!match) {
    throw invalidRequest(
      `Invalid size '${size.slice(0, 40)}': use 'WIDTHxHEIGHT' (e.g. '1024x1024') or 'auto'.`,
      param,
    );
  }
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (OPENAI_NAMED_SIZES.has(size)) return fitIntoRange(width, height, limits);
  const fits =
    width >= limits.minWidth &&
    width <= limits.maxWidth &&
    height >= limits.minHeight &&
    height <= limits.maxHeight;
  if (!fits) {
    throw invalidRequest(
      `Invalid size '${size}': this model makes images from ${limits.minWidth}x${limits.minHeight} to ` +
        `${limits.maxWidth}x${limits.maxHeight}.`,
      param,
    );
  }
  return { width, height };
}

function fitIntoRange(width: number, height: number, limits: ImageLimits): ImageSize {
  const grow = Math.max(limits.minWidth / width, limits.minHeight / height, 1);
  const shrink = Math.min(limits.maxWidth / width, limits.maxHeight / height, 1);
  const scale = grow > 1 ? grow : shrink;
  return {
    width: clampToMultiple(width * scale, limits.minWidth, limits.maxWidth),
    height: clampToMultiple(height * scale, limits.minHeight, limits.maxHeight),
  };
}

// Diffusion models work in 8-pixel latent cells; a scaled size is rounded to one.
function clampToMultiple(value: number, minimum: number, maximum: number): number {
  const rounded = Math.round(value / 8) * 8;
  return Math.min(maximum, Math.max(minimum, rounded));
}
