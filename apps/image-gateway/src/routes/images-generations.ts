import {
  DEFAULT_MODELS,
  type GatewayRequest,
  readJsonBody,
  requestConfig,
  resolveModel,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { generateImages } from '../images/generate-images';
import { imageLimitsFor } from '../images/image-limits-for';
import { parseImageRequest } from '../images/parse-image-request';
import { renderImagesResponse } from '../images/render-images-response';
import { resolveImageSize } from '../images/resolve-image-size';

/**
 * `POST /v1/images/generations`: OpenAI's image generation on any Workers AI image model
 * (default flux-1-schnell; `dall-e-2` / `dall-e-3` aliases), `n` parallel calls, images hosted in R2.
 */
export async function imagesGenerations(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const image = parseImageRequest(await readJsonBody(request));
  const resolved = resolveModel(image.model ?? DEFAULT_MODELS.image, {
    aliases: requestConfig(request).modelAliases,
    task: 'text-to-image',
  });
  const size = resolveImageSize(image.size, imageLimitsFor(resolved.model, resolved.entry));
  const result = await generateImages(request, env, context, {
    resolved,
    image,
    size,
    needsUrls: image.responseFormat === 'url',
    signal: request.signal,
  });
  return renderImagesResponse(result, image, resolved);
}
