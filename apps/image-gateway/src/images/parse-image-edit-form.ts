import { invalidRequest } from '@workers-ai-gateways/core';
import { type ImageRequest, parseImageRequest } from './parse-image-request';
import { type ImageDimensions, readImageDimensions } from './read-image-dimensions';

/** An uploaded PNG or JPEG, in memory, with the size read from its header. */
export interface UploadedImage {
  bytes: Uint8Array;
  dimensions: ImageDimensions;
}

/** A validated `POST /v1/images/edits` form. */
export interface ImageEditForm {
  request: ImageRequest;
  /** `image`, or the `image[]` array the openai SDK sends for several images. */
  images: UploadedImage[];
  mask: UploadedImage | undefined;
}

const NUMERIC_FIELDS = new Set([
  'n',
  'steps',
  'num_steps',
  'num_inference_steps',
  'guidance',
  'guidance_scale',
  'seed',
  'strength',
]);
const MAXIMUM_IMAGES = 4;

/**
 * Validates an edit form: text fields as for generations (numbers arrive as strings and are
 * converted), and the uploads, which must be PNG or JPEG files. Only uploads are accepted:
 * a URL in `image` is a 400, never fetched.
 */
export async function parseImageEditForm(form: FormData): Promise<ImageEditForm> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || name === 'image' || name === 'image[]' || name === 'mask') continue;
    const number = Number(value);
    fields[name] =
      NUMERIC_FIELDS.has(name) && value.trim() !== '' && Number.isFinite(number) ? number : value;
  }
  const request = parseImageRequest(fields);
  const uploads = [...form.getAll('image'), ...form.getAll('image[]')];
  if (uploads.length === 0)
    throw invalidRequest("Missing 'image': upload the image to edit as a file.", 'image');
  if (uploads.length > MAXIMUM_IMAGES) {
    throw invalidRequest(`Too many images: at most ${MAXIMUM_IMAGES} can be uploaded.`, 'image');
  }
  const images = await Promise.all(uploads.map((upload) => readUpload(upload, 'image')));
  const maskUpload = form.get('mask');
  const mask = maskUpload === null ? undefined : await readUpload(maskUpload, 'mask');
  return { request, images, mask };
}

async function readUpload(value: File | string, param: string): Promise<UploadedImage> {
  if (typeof value === 'string') {
    throw invalidRequest(`'${param}' must be an uploaded file; URLs and text are not accepted.`, param);
  }
  const bytes = new Uint8Array(await value.arrayBuffer());
  const dimensions = readImageDimensions(bytes);
  if (!dimensions) throw invalidRequest(`'${param}' must be a PNG or JPEG image.`, param);
  return { bytes, dimensions };
}
