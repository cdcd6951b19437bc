import {
  chargeRoute,
  DEFAULT_MODELS,
  GatewayError,
  type GatewayRequest,
  requestLedger,
  type TranslationRequest,
  upstreamFor,
} from '@workers-ai-gateways/core';
import { assembleTexts, type TranslatedText } from './assemble-texts';
import { lookupCachedSegments } from './lookup-cached-segments';
import { mapWithConcurrency } from './map-with-concurrency';
import { planTexts, type Segment } from './plan-texts';
import { segmentCache } from './segment-cache';
import { type SegmentCall, translateSegment } from './translate-segment';
import { UpstreamLimiter } from './upstream-limiter';

/** The model every translation runs on. */
export const TRANSLATION_MODEL = DEFAULT_MODELS.translation;
/** Most characters one request may hold, all texts together; more is a 413, never a truncation. */
export const MAX_REQUEST_CHARACTERS = 128 * 1024;
/** Upstream calls of one request in flight at once. */
const CONCURRENCY = 6;
/**
 * Cache API calls one request makes at most. Workers Free allows 50 `match`/`put`/`delete` per
 * request, in the same quota as `fetch()` (https://developers.cloudflare.com/workers/platform/limits/#cache-api-limits);
 * past it every call throws. Lookups take at most 24 of them, so that the translations of a
 * request's first segments can still be stored.
 */
const CACHE_CALLS_PER_REQUEST = 40;
const CACHE_LOOKUPS_PER_REQUEST = 24;
/** Workers AI's rate limit for translation models: 720 requests a minute. */
const upstreamLimiter = new UpstreamLimiter(720, 60_000);

/** The result of translating a request's texts. */
export interface TranslationOutcome {
  texts: TranslatedText[];
  /** Segments whose runaway repetition was cut after a retry (reported as a response header). */
  trimmedSegments: number;
}

/**
 * Translates a request's texts with m2m100, keeping their layout: each text is split into
 * lines (or HTML/XML text nodes) and sentence-sized segments (planTexts), segments are served
 * from the cache (lookupCachedSegments) or translated in parallel (translateSegment; at most six
 * calls at once, reserved against the per-minute upstream limit before any is made), and the
 * texts are put back together (assembleTexts).
 */
export async function translateTexts(
  request: GatewayRequest,
  context: ExecutionContext,
  job: TranslationRequest,
): Promise<TranslationOutcome> {
  const totalCharacters = job.texts.reduce((total, text) => total + text.length, 0);
  if (totalCharacters > MAX_REQUEST_CHARACTERS) {
    throw new GatewayError(
      413,
      'request_too_large',
      `Text too long: ${totalCharacters} characters in one request; the limit is ${MAX_REQUEST_CHARACTERS}. Split it into several requests.`,
      { param: 'text' },
    );
  }
  const target = job.target.model;
  const segments = new Map<string, Segment>();
  const plans = planTexts(job, segments);
  const lookup = await lookupCachedSegments(segments.values(), {
    model: TRANSLATION_MODEL,
    target,
    maxLookups: CACHE_LOOKUPS_PER_REQUEST,
  });
  const { pending } = lookup;
  let cacheCalls = lookup.cacheCalls;

  if (pending.length > upstreamLimiter.limit) {
    throw new GatewayError(
      413,
      'request_too_large',
      `This request needs ${pending.length} model calls, more than Workers AI allows in a minute (${upstreamLimiter.limit}). Send fewer lines or texts per request.`,
      { param: 'text' },
    );
  }
  const ledger = requestLedger(request);
  // Checked here rather than in front of the route: segments the cache served (or that need no
  // model) cost nothing, so a request that needs no model call is answered even on a spent day.
  if (pending.length > 0) await ledger.assertBudget(chargeRoute(request));
  const decision = upstreamLimiter.tryAcquire(pending.length);
  if (!decision.ok) {
    throw new GatewayError(
      429,
      'rate_limited',
      `Too many requests: Workers AI allows ${upstreamLimiter.limit} translations a minute. Retry in ${decision.retryAfterSeconds} s.`,
      { retryAfter: decision.retryAfterSeconds },
    );
  }

  request.gateway.model = TRANSLATION_MODEL;
  request.gateway.neurons = 0;
  const controller = new AbortController();
  const call: SegmentCall = {
    request,
    upstream: upstreamFor(request),
    model: TRANSLATION_MODEL,
    target,
    signal: AbortSignal.any([controller.signal, request.signal]),
    mayRetry: () => upstreamLimiter.tryAcquire(1).ok,
  };
  let trimmedSegments = 0;

  try {
    await mapWithConcurrency(pending, CONCURRENCY, async (segment) => {
      const result = await translateSegment(segment, call);
      segment.translation = result.translation;
      if (result.trimmed) {
        trimmedSegments++;
        return;
      }
      if (cacheCalls >= CACHE_CALLS_PER_REQUEST) return;
      cacheCalls++;
      context.waitUntil(
        segmentCache.put(
          { model: TRANSLATION_MODEL, source: segment.source, target, text: segment.text },
          result.translation,
        ),
      );
    });
  } catch (error) {
    controller.abort();
    throw error;
  }

  return { texts: assembleTexts(plans, job.target.traditional), trimmedSegments };
}
