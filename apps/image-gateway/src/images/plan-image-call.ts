import {
  type CatalogModel,
  encodeBase64,
  findModel,
  type ImageLimits,
  invalidRequest,
  type WorkersAiInputs,
} from '@workers-ai-gateways/core';
import { type ImageFamily, imageFamilyOf } from './image-family-of';
import { imageLimitsFor } from './image-limits-for';
import type { ImageRequest } from './parse-image-request';
import type { ImageSize } from './resolve-image-size';

/** One upstream image call, ready to run, and what it will cost in the catalog's units. */
export interface ImageCallPlan {
  model: string;
  family: ImageFamily;
  inputs: WorkersAiInputs;
  /** The size asked for (flux-1-schnell takes none and always makes its default). */
  width: number;
  height: number;
  /** Steps the model will run: the ones sent, or its default. For the neuron estimate. */
  steps: number;
}

/** What `planImageCall` needs beyond the client's request. */
export interface ImageCallOptions {
  model: string;
  /** Catalog entry; undefined for an uncatalogued `@cf/...` ID passed through. */
  entry: CatalogModel | undefined;
  request: ImageRequest;
  size: ImageSize;
  /** Which of the `n` images this call makes: added to a client seed so the images differ. */
  index: number;
  /** Uploaded images for img2img / inpainting / FLUX.2 references. */
  images?: readonly Uint8Array[];
  mask?: Uint8Array;
}

// flux-1-schnell's schema caps `prompt` at 2048 characters
// (https://developers.cloudflare.com/workers-ai/models/flux-1-schnell/); other image models
// publish no limit, so OpenAI's own applies (see parse-image-request).
const PROMPT_LIMITS: Partial<Record<ImageFamily, number>> = { 'flux-1': 2048 };
// img2img moves this far from the input unless the client says otherwise. Workers AI's default (1)
// discards the input image almost entirely, which is not what an edit means.
const DEFAULT_STRENGTH = 0.8;
const UINT32_RANGE = 4_294_967_296;

/**
 * Builds the upstream call for one image: the model family's input schema (SD family JSON with
 * `num_steps`, flux-1-schnell's `steps`, Leonardo's `num_steps`/`guidance`, FLUX.2's multipart
 * form), the prompt length checked against the model, steps and guidance clamped to its range,
 * and OpenAI's `quality` mapped to steps (`low` halves the default, `hd`/`high` use the maximum).
 */
export function planImageCall(options: ImageCallOptions): ImageCallPlan {
  const { model, request, size } = options;
  const entry = options.entry ?? findModel(model);
  const family = imageFamilyOf(model, entry);
  const limits = imageLimitsFor(model, entry);
  const promptLimit = PROMPT_LIMITS[family];
  if (promptLimit !== undefined && request.prompt.length > promptLimit) {
    throw invalidRequest(
      `Invalid 'prompt': ${model} reads at most ${promptLimit} characters (this one has ${request.prompt.length}).`,
      'prompt',
    );
  }
  // FLUX.2 [klein] runs a fixed 4 steps and cannot be adjusted
  // (https://developers.cloudflare.com/changelog/2026-01-28-flux-2-klein-9b-workers-ai/).
  const fixedSteps = family === 'flux-2' && model.includes('klein');
  const steps = fixedSteps ? undefined : chooseSteps(request, limits);
  const guidance =
    request.guidance === undefined || limits.guidance === undefined
      ? undefined
      : Math.min(limits.guidance[1], Math.max(limits.guidance[0], request.guidance));
  const seed = request.seed === undefined ? undefined : (request.seed + options.index) % UINT32_RANGE;
  const images = options.images ?? [];
  const common = {
    prompt: request.prompt,
    ...(seed === undefined ? {} : { seed }),
  };
  let inputs: WorkersAiInputs;
  switch (family) {
    case 'stable-diffusion': {
      const [image] = images;
      inputs = {
        ...common,
        width: size.width,
        height: size.height,
        ...(request.negativePrompt === undefined ? {} : { negative_prompt: request.negativePrompt }),
        ...(steps === undefined ? {} : { num_steps: steps }),
        ...(guidance === undefined ? {} : { guidance }),
        ...(image === undefined ? {} : { image_b64: encodeBase64(image) }),
        // The SD schema takes the mask only as an array of byte values.
        ...(options.mask === undefined ? {} : { mask: Array.from(options.mask) }),
        ...(image === undefined || options.mask !== undefined
          ? {}
          : { strength: request.strength ?? DEFAULT_STRENGTH }),
      };
      break;
    }
    case 'flux-1':
      // The schema has no width, height, guidance or negative prompt: sending them is a 5006.
      inputs = { ...common, ...(steps === undefined ? {} : { steps }) };
      break;
    case 'leonardo':
      inputs = {
        ...common,
        width: size.width,
        height: size.height,
        ...(steps === undefined ? {} : { num_steps: steps }),
        ...(guidance === undefined ? {} : { guidance }),
        // Of the two Leonardo models only Phoenix has a negative prompt in its schema.
        ...(request.negativePrompt !== undefined && model.includes('phoenix')
          ? { negative_prompt: request.negativePrompt }
          : {}),
      };
      break;
    case 'flux-2': {
      const form = new FormData();
      form.append('prompt', request.prompt);
      form.append('width', String(size.width));
      form.append('height', String(size.height));
      if (steps !== undefined) form.append('steps', String(steps));
      if (seed !== undefined) form.append('seed', String(seed));
      images.forEach((image, index) => {
        form.append(`input_image_${index}`, new Blob([image as Uint8Array<ArrayBuffer>]), `input_${index}`);
      });
      inputs = { kind: 'multipart', form };
      break;
    }
  }
  const effectiveSize =
    family === 'flux-1' ? { width: limits.defaultWidth, height: limits.defaultHeight } : size;
  return {
    model,
    family,
    inputs,
    ...effectiveSize,
    steps: steps ?? limits.defaultSteps ?? limits.maxSteps,
  };
}

function chooseSteps(request: ImageRequest, limits: ImageLimits): number | undefined {
  if (request.steps !== undefined) return Math.min(limits.maxSteps, Math.max(1, request.steps));
  const usual = limits.defaultSteps ?? Math.ceil(limits.maxSteps / 2);
  switch (request.quality) {
    case 'low':
      return Math.max(1, Math.round(usual / 2));
    case 'high':
    case 'hd':
      return limits.maxSteps;
    default:
      // `standard`, `medium`, `auto`: the model's own default, so nothing is sent.
      return undefined;
  }
}
