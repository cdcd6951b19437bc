import {
  BODY_LIMITS,
  type GatewayRequest,
  invalidRequest,
  type ResolvedModel,
  readFormBody,
  requestConfig,
  resolveModel,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { convertOpenAiMask } from '../images/convert-openai-mask';
import { generateImages } from '../images/generate-images';
import { imageFamilyOf } from '../images/image-family-of';
import { imageLimitsFor } from '../images/image-limits-for';
import { parseImageEditForm, type UploadedImage } from '../images/parse-image-edit-form';
import { renderImagesResponse } from '../images/render-images-response';
import { type ImageSize, resolveImageSize } from '../images/resolve-image-size';

const IMG2IMG_MODEL = '@cf/runwayml/stable-diffusion-v1-5-img2img';
const INPAINTING_MODEL = '@cf/runwayml/stable-diffusion-v1-5-inpainting';
// FLUX.2 takes up to four reference images; the SD family takes one.
const FLUX_2_MAXIMUM_IMAGES = 4;

/**
 * `POST /v1/images/edits`: multipart `image` (+ optional `mask`) and `prompt` → SD 1.5 img2img,
 * SD 1.5 inpainting when a mask is given, or FLUX.2 with the uploads as reference images.
 * Uploads only (10 MiB body limit): no URL is ever fetched.
 */
export async function imagesEdits(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const form = await parseImageEditForm(await readFormBody(request, BODY_LIMITS.image));
  const { request: image, images, mask } = form;
  const resolved = chooseEditModel(request, image.model, mask !== undefined);
  const family = imageFamilyOf(resolved.model, resolved.entry);
  const limits = imageLimitsFor(resolved.model, resolved.entry);
  const maximumImages = family === 'flux-2' ? FLUX_2_MAXIMUM_IMAGES : 1;
  if (images.length > maximumImages) {
    throw invalidRequest(`${resolved.model} takes at most ${maximumImages} input image(s).`, 'image');
  }
  const [first] = images;
  if (mask !== undefined && first !== undefined && !sameSize(mask, first)) {
    throw invalidRequest("'mask' must have the same width and height as 'image'.", 'mask');
  }
  // OpenAI masks mark the area to edit as transparent; SD inpainting repaints white.
  const maskBytes =
    mask === undefined
      ? undefined
      : family === 'stable-diffusion'
        ? await convertOpenAiMask(mask.bytes)
        : mask.bytes;
  const size = image.size === undefined && first !== undefined ? sizeOfUpload(first, limits) : undefined;
  const result = await generateImages(request, env, context, {
    resolved,
    image,
    size: size ?? resolveImageSize(image.size, limits),
    images: images.map((upload) => upload.bytes),
    ...(maskBytes === undefined ? {} : { mask: maskBytes }),
    needsUrls: image.responseFormat === 'url',
    signal: request.signal,
  });
  return renderImagesResponse(result, image, resolved);
}

/**
 * The model for an edit: the one asked for when it can do the edit; for an OpenAI name (whose
 * alias target may not take input images) or no model, SD 1.5 img2img / inpainting. A Workers AI
 * model that cannot do the edit is a 400 naming `model`.
 */
function chooseEditModel(
  request: GatewayRequest,
  requested: string | undefined,
  masked: boolean,
): ResolvedModel {
  const fallback = masked ? INPAINTING_MODEL : IMG2IMG_MODEL;
  const options = { aliases: requestConfig(request).modelAliases, task: 'text-to-image' as const };
  if (requested === undefined) return resolveModel(fallback, options);
  const resolved = resolveModel(requested, options);
  const limits = imageLimitsFor(resolved.model, resolved.entry);
  const capable = masked ? limits.inpainting : limits.img2img;
  if (capable) return resolved;
  const isWorkersAiId = requested.startsWith('@cf/') || requested.startsWith('@hf/');
  if (!isWorkersAiId) return resolveModel(fallback, options);
  throw invalidRequest(
    masked
      ? `${resolved.model} cannot inpaint with a mask; use ${INPAINTING_MODEL}.`
      : `${resolved.model} does not take an input image; use ${IMG2IMG_MODEL} or a FLUX.2 model.`,
    'model',
  );
}

function sameSize(first: UploadedImage, second: UploadedImage): boolean {
  return (
    first.dimensions.width === second.dimensions.width && first.dimensions.height === second.dimensions.height
  );
}

// Without `size`, the result keeps the upload's size when the model can make it.
function sizeOfUpload(
  upload: UploadedImage,
  limits: { minWidth: number; maxWidth: number; minHeight: number; maxHeight: number },
): ImageSize | undefined {
  const { width, height } = upload.dimensions;
  const fits =
    width >= limits.minWidth &&
    width <= limits.maxWidth &&
    height >= limits.minHeight &&
    height <= limits.maxHeight;
  return fits ? { width, height } : undefined;
}
