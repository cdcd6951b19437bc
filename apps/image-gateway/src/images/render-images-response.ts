import { encodeBase64, type ResolvedModel } from '@workers-ai-gateways/core';
import type { GenerateImagesResult } from './generate-images';
import type { ImageRequest } from './parse-image-request';

/**
 * OpenAI's images response: `{created, data: [{url | b64_json, revised_prompt}]}`, plus the
 * `output_format` and `size` fields of the GPT image models' responses, which tell a client what
 * it actually got. The prompt is not rewritten, so `revised_prompt` is the prompt as sent.
 */
export function renderImagesResponse(
  result: GenerateImagesResult,
  image: ImageRequest,
  resolved: ResolvedModel,
): Response {
  const first = result.images[0];
  const body = {
    created: result.created,
    data: result.images.map((made) =>
      image.responseFormat === 'b64_json'
        ? { b64_json: encodeBase64(made.bytes), revised_prompt: image.prompt }
        : { url: made.url, revised_prompt: image.prompt },
    ),
    ...(first === undefined
      ? {}
      : {
          output_format: first.extension === 'png' ? 'png' : 'jpeg',
          size: `${first.width}x${first.height}`,
        }),
    ...(image.quality === undefined ? {} : { quality: image.quality }),
  };
  const headers = new Headers({ 'content-type': 'application/json' });
  if (resolved.replacedFrom !== undefined) {
    headers.set('x-model-replaced', `${resolved.replacedFrom} -> ${resolved.model}`);
  }
  if (result.failures > 0) headers.set('x-images-failed', String(result.failures));
  return new Response(JSON.stringify(body), { headers });
}
