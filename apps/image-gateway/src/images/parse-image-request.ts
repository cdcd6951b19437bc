import { invalidRequest } from '@workers-ai-gateways/core';
import * as v from 'valibot';

/** OpenAI's `quality` values: DALL·E 3's `standard`/`hd` and the GPT image models' `low`...`auto`. */
export type ImageQuality = 'standard' | 'hd' | 'low' | 'medium' | 'high' | 'auto';

/** An image generation or edit request, validated and with OpenAI's names mapped to plain ones. */
export interface ImageRequest {
  prompt: string;
  /** As the client sent it; resolved against the catalog and aliases by the route. */
  model: string | undefined;
  /** How many images, 1–4 (parallel upstream calls). */
  n: number;
  size: string | undefined;
  responseFormat: 'url' | 'b64_json';
  quality: ImageQuality | undefined;
  style: 'vivid' | 'natural' | undefined;
  negativePrompt: string | undefined;
  /** Denoising steps the client asked for (`steps`, `num_steps` or `num_inference_steps`). */
  steps: number | undefined;
  /** `guidance` or `guidance_scale`. */
  guidance: number | undefined;
  seed: number | undefined;
  /** img2img: how far from the input image the result may move, 0–1. */
  strength: number | undefined;
  user: string | undefined;
}

// OpenAI's own limit (DALL·E 3 and the GPT image models allow far more text than any Workers AI
// image model reads); per-model limits are applied when the model is known.
const MAXIMUM_PROMPT_CHARACTERS = 32_000;

const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
const optionalNumber = v.nullish(v.pipe(v.number(), v.finite()));

// Loose: clients send fields of newer OpenAI models (`background`, `moderation`,
// `output_compression`, ...) that change nothing here and are ignored. Fields that would change
// the meaning of the answer are checked: `stream: true` cannot be honoured.
const imageRequestSchema = v.looseObject({
  prompt: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAXIMUM_PROMPT_CHARACTERS, `must be at most ${MAXIMUM_PROMPT_CHARACTERS} characters`),
  ),
  model: v.nullish(v.pipe(v.string(), v.trim())),
  n: v.nullish(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(4))),
  size: v.nullish(v.pipe(v.string(), v.trim())),
  response_format: v.nullish(v.picklist(['url', 'b64_json'], "must be 'url' or 'b64_json'")),
  quality: v.nullish(v.picklist(['standard', 'hd', 'low', 'medium', 'high', 'auto'])),
  style: v.nullish(v.picklist(['vivid', 'natural'])),
  negative_prompt: v.nullish(v.pipe(v.string(), v.maxLength(MAXIMUM_PROMPT_CHARACTERS))),
  steps: v.nullish(positiveInteger),
  num_steps: v.nullish(positiveInteger),
  num_inference_steps: v.nullish(positiveInteger),
  guidance: optionalNumber,
  guidance_scale: optionalNumber,
  seed: v.nullish(
    v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0), v.maxValue(4_294_967_295)),
  ),
  strength: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  user: v.nullish(v.string()),
  stream: v.nullish(v.literal(false, 'streaming image generation is not supported; leave stream unset')),
});

/**
 * Validates the body of `POST /v1/images/generations` (or the text fields of an edit) strictly,
 * answering a 400 that names the offending field as `param`, and maps OpenAI's field names to
 * an `ImageRequest`.
 */
export function parseImageRequest(body: Record<string, unknown>): ImageRequest {
  const result = v.safeParse(imageRequestSchema, body);
  if (!result.success) {
    const issue = result.issues[0];
    const key = issue.path?.[0]?.key;
    const param = typeof key === 'string' ? key : undefined;
    const problem = param === 'prompt' && issue.input === undefined ? 'is required' : issue.message;
    throw invalidRequest(
      param === undefined ? `Invalid request: ${problem}` : `Invalid '${param}': ${problem}.`,
      param,
    );
  }
  const input = result.output;
  return {
    prompt: input.prompt,
    model: input.model || undefined,
    n: input.n ?? 1,
    size: input.size || undefined,
    responseFormat: input.response_format ?? 'url',
    quality: input.quality ?? undefined,
    style: input.style ?? undefined,
    negativePrompt: input.negative_prompt || undefined,
    steps: input.steps ?? input.num_steps ?? input.num_inference_steps ?? undefined,
    guidance: input.guidance ?? input.guidance_scale ?? undefined,
    seed: input.seed ?? undefined,
    strength: input.strength ?? undefined,
    user: input.user ?? undefined,
  };
}
