import {
  chargeRoute,
  estimateNeurons,
  GatewayError,
  type GatewayRequest,
  invalidRequest,
  type ResolvedModel,
  recordUsage,
  requestConfig,
  requestLedger,
  upstreamFor,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { mapImageError } from './map-image-error';
import { measureImageUsage } from './measure-image-usage';
import type { ImageRequest } from './parse-image-request';
import { type GeneratedImage, parseWorkersAiImage } from './parse-workers-ai-image';
import { planImageCall } from './plan-image-call';
import { readImageDimensions } from './read-image-dimensions';
import type { ImageSize } from './resolve-image-size';
import { storeImage } from './store-image';

// SD 1.5 img2img and inpainting fail upstream (5006) without an input image.
const NEEDS_INPUT_IMAGE = /-(img2img|inpainting)$/;

/** One image the gateway made, stored (or being stored) in R2. */
export interface MadeImage extends GeneratedImage {
  /** Public URL; undefined when no bucket is bound and the client asked for `b64_json`. */
  url: string | undefined;
  width: number;
  height: number;
}

/** What a route asks `generateImages` for. */
export interface GenerateImagesOptions {
  resolved: ResolvedModel;
  image: ImageRequest;
  size: ImageSize;
  /** Uploads for edits. */
  images?: readonly Uint8Array[];
  mask?: Uint8Array;
  /** Whether the caller needs URLs (`url` format, chat); otherwise storing may finish after the answer. */
  needsUrls: boolean;
  signal?: AbortSignal;
  /** A streamed reply: the request's log line is already written when the images are done. */
  afterResponse?: boolean;
  /**
   * Called once the budget allows the calls, just before they start: a streamed reply waits for
   * it so that a refusal is still a plain 429, not an error event inside the stream.
   */
  onCallsStart?: () => void;
}

/** The images made, and how many of the `n` calls failed. */
export interface GenerateImagesResult {
  created: number;
  images: MadeImage[];
  failures: number;
}

/**
 * Runs the `n` upstream calls in parallel and hosts every image in R2.
 *
 * Partial failure: when some calls succeed, their images are returned (fewer entries in `data`
 * than `n`, and `x-images-failed` on the response). An OpenAI client iterates `data` and shows what
 * is there; failing the whole request would throw away images whose neurons are already spent.
 * When every call fails, the first failure is thrown (content-policy rejections as
 * `content_policy_violation`).
 */
export async function generateImages(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
  options: GenerateImagesOptions,
): Promise<GenerateImagesResult> {
  const bucket = env.IMAGES;
  if (options.needsUrls && bucket === undefined) {
    throw new GatewayError(
      503,
      'configuration_error',
      'The gateway is misconfigured: the IMAGES R2 binding is missing.',
    );
  }
  const { model, entry } = options.resolved;
  if (options.images === undefined && NEEDS_INPUT_IMAGE.test(model)) {
    throw invalidRequest(`${model} edits an uploaded image: use POST /v1/images/edits.`, 'model');
  }
  const plans = Array.from({ length: options.image.n }, (_, index) =>
    planImageCall({
      model,
      entry,
      request: options.image,
      size: options.size,
      index,
      ...(options.images === undefined ? {} : { images: options.images }),
      ...(options.mask === undefined ? {} : { mask: options.mask }),
    }),
  );
  const firstPlan = plans[0];
  const ledger = requestLedger(request);
  if (firstPlan !== undefined) {
    // An image's cost is known up front (tiles and steps): refuse the `n` calls that would cross
    // today's budget instead of letting one last expensive request overshoot it.
    await ledger.assertBudget(
      chargeRoute(request),
      estimateNeurons(model, measureImageUsage(firstPlan, plans.length)),
    );
    // Logged (not charged) before the calls too, so a streamed reply, whose log line is written
    // when streaming starts, logs the neurons it is about to spend; corrected below to the images made.
    recordUsage(request, { model, usage: measureImageUsage(firstPlan, plans.length) }, { charge: false });
  }
  options.onCallsStart?.();
  const upstream = upstreamFor(request);
  const settled = await Promise.allSettled(
    plans.map(async (plan) => {
      const result = await upstream.run(
        plan.model,
        plan.inputs,
        options.signal === undefined ? {} : { signal: options.signal },
      );
      return parseWorkersAiImage(result, plan.model);
    }),
  );
  const generated = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
  if (firstPlan !== undefined) {
    const afterResponse = options.afterResponse === true;
    const usage = measureImageUsage(firstPlan, generated.length);
    // One charge for the images actually made (failed calls cost nothing).
    recordUsage(request, { model, usage }, { afterResponse, charge: generated.length > 0 });
  }
  if (generated.length === 0) throw mapImageError(failures[0]);

  const now = new Date();
  const base = requestConfig(request).publicImageBaseUrl ?? new URL(request.url).origin;
  const made = await Promise.all(
    generated.map(async (image): Promise<MadeImage> => {
      // The size the model actually made, which may differ from the one asked for.
      const dimensions = readImageDimensions(image.bytes);
      const size = {
        width: dimensions?.width ?? firstPlan?.width ?? 0,
        height: dimensions?.height ?? firstPlan?.height ?? 0,
      };
      if (bucket === undefined) return { ...image, url: undefined, ...size };
      const stored = storeImage(bucket, image, { model, requestId: request.gateway.id }, now);
      if (!options.needsUrls) {
        // b64_json: the client has the bytes; hosting a copy need not delay the answer.
        context.waitUntil(
          stored.then(
            () => undefined,
            (error: unknown) => logStoreFailure(request, error),
          ),
        );
        return { ...image, url: undefined, ...size };
      }
      try {
        const { key } = await stored;
        return { ...image, url: `${base}/${key}`, ...size };
      } catch (error) {
        throw new GatewayError(502, 'storage_error', 'The image was made but could not be stored in R2.', {
          cause: error,
        });
      }
    }),
  );
  return { created: Math.floor(now.getTime() / 1000), images: made, failures: failures.length };
}

function logStoreFailure(request: GatewayRequest, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(JSON.stringify({ id: request.gateway.id, storeFailed: detail.slice(0, 300) }));
}
