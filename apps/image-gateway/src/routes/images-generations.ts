import {
  DEFAULT_MODELS,
  type GatewayRequest,
  readJsonBody,
  runWithFallbacks,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { generateImages } from '../images/generate-images';
import { imageLimitsFor } from '../images/image-limits-for';
import { parseImageRequest } from '../images/parse-image-request';
import { renderImagesResponse } from '../images/render-images-response';
import { resolveImageSize } from '../images/resolve-image-size';

/**
 * `POST /v1/images/generations`: OpenAI's image generation on any Workers AI image model
 * (default flux-1-schnell; `dall-e-2` / `dall-e-3` aliases, each with its fallback chain), `n`
 * parallel calls, images hosted in R2.
 */
export async function imagesGenerations(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const image = parseImageRequest(await readJsonBody(request));
  // Each model of the chain checks the size against its own range: one that cannot make it is passed over.
  const { value, resolved, headers } = await runWithFallbacks(
    request,
    image.model ?? DEFAULT_MODELS.image,
    'text-to-image',
    (candidate) =>
      generateImages(request, env, context, {
        resolved: candidate,
        image,
        size: resolveImageSize(image.size, imageLimitsFor(candidate.model, candidate.entry)),
        needsUrls: image.responseFormat === 'url',
        signal: request.signal,
      }),
  );
  const response = renderImagesResponse(value, image, resolved);
  for (const [name, header] of Object.entries(headers)) response.headers.set(name, header);
  return response;
}
