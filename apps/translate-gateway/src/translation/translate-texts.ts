import {
  chargeRoute,
  DEFAULT_MODELS,
  ensurePassthroughTokenAccepted,
  GatewayError,
  type GatewayRequest,
  type ResolvedModel,
  requestLedger,
  runWithFallbacks,
  type TranslationRequest,
  upstreamFor,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { findGlossaryTerms } from '../glossaries/find-glossary-terms';
import type { GlossaryEntry } from '../glossaries/glossary-types';
import { loadGlossary } from '../glossaries/load-glossary';
import { protectGlossaryTerms } from '../glossaries/protect-glossary-terms';
import { assembleTexts, type TranslatedText } from './assemble-texts';
import { batchSegments } from './batch-segments';
import type { TranslationSettings } from './build-translation-prompt';
import { chooseEngine, type TranslationEngine } from './choose-engine';
import { llmTargetCode } from './llm-target-code';
import { lookupCachedSegments } from './lookup-cached-segments';
import { mapWithConcurrency } from './map-with-concurrency';
import { planTexts, type Segment } from './plan-texts';
import { type SegmentKey, segmentCache } from './segment-cache';
import { translateBatchWithLlm } from './translate-batch-with-llm';
import { translateSegment } from './translate-segment';
import { UpstreamLimiter } from './upstream-limiter';

/** The model the m2m100 engine runs on. */
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
/**
 * Workers AI's rate limits per model task: 720 requests a minute for translation models, 300 for
 * text generation (https://developers.cloudflare.com/workers-ai/platform/limits/).
 */
const upstreamLimiters = {
  m2m100: new UpstreamLimiter(720, 60_000),
  llm: new UpstreamLimiter(300, 60_000),
};

/** The result of translating a request's texts. */
export interface TranslationOutcome {
  texts: TranslatedText[];
  /** Segments whose runaway repetition was cut after a retry (reported as a response header). */
  trimmedSegments: number;
  /** The engine that translated (`x-translation-engine`, DeepL's `model_type_used`). */
  engine: TranslationEngine;
  /** `x-model-fallback` (and `x-model-replaced`) when another model of the chain translated. */
  headers: Record<string, string>;
}

function llmSettings(job: TranslationRequest): TranslationSettings {
  return {
    source: job.source ? job.source.model.toUpperCase() : undefined,
    target: llmTargetCode(job),
    formality: job.formality ?? 'default',
    context: job.context,
    glossary: [],
  };
}

/** The entries of a glossary whose source term occurs in one of `segments`. */
function glossaryTermsIn(segments: readonly Segment[], entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  const pattern = findGlossaryTerms(entries);
  if (!pattern) return [];
  const found = new Set<string>();
  for (const segment of segments) for (const match of segment.text.matchAll(pattern)) found.add(match[0]);
  return entries.filter((entry) => found.has(entry.source));
}

/**
 * Translates a request's texts with the engine it asks for (chooseEngine), keeping their layout:
 * each text is split into lines (or HTML/XML text nodes) and sentence-sized segments
 * (planTexts), segments are served from the cache (lookupCachedSegments) or translated — by
 * m2m100 one call per segment (translateSegment), by the LLM engine many segments per call
 * (batchSegments, translateBatchWithLlm) — at most six calls at once, every first call reserved
 * against the per-minute upstream limit before any is made, and the texts are put back together
 * (assembleTexts). A glossary (`glossary_id`) goes into the LLM's prompt, and into m2m100's
 * text as placeholders that become the target terms.
 */
export async function translateTexts(
  request: GatewayRequest,
  env: Env,
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
  const chosen = chooseEngine(request, env, job);
  const glossary = await loadGlossary(request, env, job);
  // The engine's model fallback chain (MODEL_FALLBACKS): the whole request again on the next model.
  const { value, headers } = await runWithFallbacks(
    request,
    chosen.requested,
    chosen.kind === 'llm' ? 'text-generation' : 'translation',
    (resolved) => translateWithEngine(request, context, job, engineFor(chosen, resolved), glossary),
  );
  return { ...value, headers };
}

/** The engine `chosen` on the model `resolved` of its chain. */
function engineFor(chosen: TranslationEngine, resolved: ResolvedModel): TranslationEngine {
  if (chosen.kind === 'llm') {
    return {
      ...chosen,
      model: resolved.model,
      entry: resolved.entry,
      contextWindow: resolved.entry?.contextWindow ?? chosen.contextWindow,
      label: `llm:${resolved.model}`,
    };
  }
  if (resolved.entry?.family !== 'm2m100') {
    throw new GatewayError(
      503,
      'configuration_error',
      `MODEL_FALLBACKS gives the m2m100 engine '${resolved.model}', which is not an m2m100-family model.`,
    );
  }
  return { ...chosen, model: resolved.model };
}

async function translateWithEngine(
  request: GatewayRequest,
  context: ExecutionContext,
  job: TranslationRequest,
  engine: TranslationEngine,
  glossary: Awaited<ReturnType<typeof loadGlossary>>,
): Promise<Omit<TranslationOutcome, 'headers'>> {
  request.gateway.engine = engine.label;
  const settings = engine.kind === 'llm' ? llmSettings(job) : undefined;
  const target = job.target.model;
  // The cache tells engines and models apart, and for the LLM everything its prompt says; a
  // glossary (immutable, so its id and creation time are its version) is part of both.
  const cacheModel = engine.kind === 'llm' ? engine.label : engine.model;
  const glossaryVersion = glossary
    ? `${glossary.info.glossary_id}@${glossary.info.creation_time}`
    : undefined;
  const cacheSettings = settings
    ? JSON.stringify([settings.target, settings.formality, settings.context ?? '', glossaryVersion ?? ''])
    : glossaryVersion && JSON.stringify(['glossary', glossaryVersion]);
  // One key object per segment, so that its lookup and its store share one SHA-256 (segmentCache).
  const keys = new Map<Segment, SegmentKey>();
  const keyFor = (segment: Segment): SegmentKey => {
    let key = keys.get(segment);
    if (!key) {
      key = {
        model: cacheModel,
        source: segment.source,
        target,
        text: segment.text,
        ...(cacheSettings === undefined ? {} : { settings: cacheSettings }),
      };
      keys.set(segment, key);
    }
    return key;
  };

  const segments = new Map<string, Segment>();
  const plans = planTexts(job, segments);
  const lookup = await lookupCachedSegments(segments.values(), {
    target,
    keyFor,
    maxLookups: CACHE_LOOKUPS_PER_REQUEST,
  });
  const { pending } = lookup;
  // Passthrough: any string passes the gateway's auth, so cached text (which costs no call that
  // would check the token) goes only to a token Workers AI has accepted.
  if (pending.length < segments.size) await ensurePassthroughTokenAccepted(request);
  let cacheCalls = lookup.cacheCalls;
  const batches =
    engine.kind === 'llm'
      ? batchSegments(pending, engine.contextWindow)
      : pending.map((segment) => [segment]);

  const limiter = upstreamLimiters[engine.kind];
  if (batches.length > limiter.limit) {
    throw new GatewayError(
      413,
      'request_too_large',
      `This request needs ${batches.length} model calls, more than Workers AI allows in a minute (${limiter.limit}). Send fewer lines or texts per request.`,
      { param: 'text' },
    );
  }
  const ledger = requestLedger(request);
  // Checked here rather than in front of the route: segments the cache served (or that need no
  // model) cost nothing, so a request that needs no model call is answered even on a spent day.
  if (batches.length > 0) await ledger.assertBudget(chargeRoute(request));
  const decision = limiter.tryAcquire(batches.length);
  if (!decision.ok) {
    throw new GatewayError(
      429,
      'rate_limited',
      `Too many requests: Workers AI allows ${limiter.limit} ${engine.kind === 'llm' ? 'text-generation calls' : 'translations'} a minute. Retry in ${decision.retryAfterSeconds} s.`,
      { retryAfter: decision.retryAfterSeconds },
    );
  }

  request.gateway.model = engine.model;
  request.gateway.neurons = 0;
  const controller = new AbortController();
  const shared = {
    request,
    upstream: upstreamFor(request),
    model: engine.model,
    signal: AbortSignal.any([controller.signal, request.signal]),
  };
  const mayCall = () => limiter.tryAcquire(1).ok;
  let trimmedSegments = 0;
  const store = (segment: Segment, translation: string) => {
    if (cacheCalls >= CACHE_CALLS_PER_REQUEST) return;
    cacheCalls++;
    context.waitUntil(segmentCache.put(keyFor(segment), translation));
  };

  try {
    if (engine.kind === 'llm' && settings) {
      const call = { ...shared, entry: engine.entry, contextWindow: engine.contextWindow, settings, mayCall };
      await mapWithConcurrency(batches, CONCURRENCY, async (batch) => {
        // Only the glossary entries that occur in the batch go into its prompt.
        const terms = glossary ? glossaryTermsIn(batch, glossary.entries) : [];
        await translateBatchWithLlm(batch, { ...call, settings: { ...settings, glossary: terms } });
        for (const segment of batch)
          if (segment.translation !== undefined) store(segment, segment.translation);
      });
    } else {
      const call = { ...shared, target, mayRetry: mayCall };
      await mapWithConcurrency(pending, CONCURRENCY, async (segment) => {
        // m2m100 takes no instructions: glossary terms travel as placeholders.
        const guard = glossary ? protectGlossaryTerms(segment.text, glossary.entries) : undefined;
        const result = await translateSegment(guard ? { ...segment, text: guard.text } : segment, call);
        const translation = guard ? guard.restore(result.translation) : result.translation;
        segment.translation = translation;
        if (result.trimmed) trimmedSegments++;
        else store(segment, translation);
      });
    }
  } catch (error) {
    controller.abort();
    throw error;
  }

  return { texts: assembleTexts(plans, job.target.traditional), trimmedSegments, engine };
}
