import {
  chargeRoute,
  DEFAULT_MODELS,
  GatewayError,
  type GatewayRequest,
  recordUsage,
  requestLedger,
  type TranslationRequest,
  upstreamFor,
} from '@workers-ai-gateways/core';
import { measureTranslationUsage } from '../usage/measure-translation-usage';
import { convertToTraditional } from './convert-to-traditional';
import { detectLanguage } from './detect-language';
import { detectScript, type Script } from './detect-script';
import { guardRepetition } from './guard-repetition';
import { mapWithConcurrency } from './map-with-concurrency';
import { segmentCache } from './segment-cache';
import { splitLines } from './split-lines';
import { splitMarkup } from './split-markup';
import type { TextPart } from './text-part';
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

/** One translated text. */
export interface TranslatedText {
  text: string;
  /** The source language used (detected or given), as an m2m100 code. */
  source: string;
  /** Characters DeepL would bill for the text. */
  billedCharacters: number;
}

/** The result of translating a request's texts. */
export interface TranslationOutcome {
  texts: TranslatedText[];
  /** Segments whose runaway repetition was cut after a retry (reported as a response header). */
  trimmedSegments: number;
}

interface Segment {
  source: string;
  text: string;
  translation: string | undefined;
}

interface PlannedText {
  parts: Array<{ kind: 'keep'; text: string } | { kind: 'translate'; markup: boolean; segment: Segment }>;
  source: string;
  billedCharacters: number;
}

function escapeMarkup(text: string): string {
  // Only what text content must escape: a raw `>` in the source stays raw.
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

function readTranslatedText(data: unknown): string {
  const value =
    typeof data === 'object' && data !== null
      ? (data as { translated_text?: unknown }).translated_text
      : undefined;
  if (typeof value !== 'string') {
    throw new GatewayError(502, 'upstream_malformed', 'Workers AI answered without a translated_text.');
  }
  return value;
}

/** Fewer letters than this and n-gram detection is a guess: a short text takes its request's language. */
const MIN_LETTERS_TO_DETECT_ALONE = 20;

function sameScript(first: Script, second: Script): boolean {
  // Japanese paragraphs may be all Kanji.
  return first === second || (first === 'kana' && second === 'han') || (first === 'han' && second === 'kana');
}

/** The language of one piece of text, given the language and script of the text around it. */
function languageOf(text: string, context: { language: string; script: Script | undefined }): string {
  const script = detectScript(text);
  if (!script) return context.language;
  if (context.script && !sameScript(script.script, context.script)) return detectLanguage(text);
  return script.letters >= MIN_LETTERS_TO_DETECT_ALONE ? detectLanguage(text) : context.language;
}

function visibleText(parts: readonly TextPart[]): string {
  return parts
    .filter((part) => part.kind === 'translate')
    .map((part) => part.text)
    .join('\n');
}

/**
 * Splits each text, detects its language and collects unique segments. Detection runs on the
 * whole request first (Immersive Translate sends a page's short strings together), then on each
 * text long enough to judge alone, then on each paragraph whose script differs from its text's
 * (an English page quoting Chinese): m2m100 needs every segment's own language.
 */
function planTexts(job: TranslationRequest, segments: Map<string, Segment>): PlannedText[] {
  const splitTexts = job.texts.map((text) =>
    job.tagHandling
      ? splitMarkup(text, { mode: job.tagHandling, ignoreTags: job.ignoreTags })
      : splitLines(text),
  );
  let requestContext: { language: string; script: Script | undefined } | undefined;
  if (!job.source) {
    const everything = splitTexts.map(visibleText).join('\n');
    requestContext = { language: detectLanguage(everything), script: detectScript(everything)?.script };
  }
  return splitTexts.map((parts, index) => {
    const text = job.texts[index] ?? '';
    const visible = visibleText(parts);
    // One text: the request's detection already is the text's.
    const documentSource =
      job.source?.model ??
      (requestContext && splitTexts.length > 1
        ? languageOf(visible, requestContext)
        : requestContext?.language) ??
      'en';
    const documentScript = job.source ? undefined : detectScript(visible)?.script;
    const planned: PlannedText['parts'] = parts.map((part) => {
      if (part.kind === 'keep') return part;
      const script = documentScript && detectScript(part.text)?.script;
      const source =
        script && !sameScript(script, documentScript) ? detectLanguage(part.text) : documentSource;
      const key = `${source}\u0000${part.text}`;
      let segment = segments.get(key);
      if (!segment) {
        segment = { source, text: part.text, translation: undefined };
        segments.set(key, segment);
      }
      return { kind: 'translate', markup: part.markup, segment };
    });
    return { parts: planned, source: documentSource, billedCharacters: Array.from(text).length };
  });
}

/**
 * Translates a request's texts with m2m100, keeping their layout: each text is split into
 * lines (or HTML/XML text nodes) and sentence-sized segments, segments are served from the
 * cache or translated in parallel (at most six calls at once, reserved against the per-minute
 * upstream limit before any is made), runaway repetition is retried once and then trimmed, and
 * Traditional Chinese is produced from m2m100's Simplified output when asked for.
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

  const toTranslate: Segment[] = [];
  for (const segment of segments.values()) {
    // Same language in and out: nothing for the model to do.
    if (segment.source === target) segment.translation = segment.text;
    else toTranslate.push(segment);
  }
  const lookups = toTranslate.slice(0, CACHE_LOOKUPS_PER_REQUEST);
  let cacheCalls = lookups.length;
  await Promise.all(
    lookups.map(async (segment) => {
      const key = { model: TRANSLATION_MODEL, source: segment.source, target, text: segment.text };
      segment.translation = await segmentCache.get(key);
    }),
  );
  const pending = toTranslate.filter((segment) => segment.translation === undefined);

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
  const upstream = upstreamFor(request);
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, request.signal]);
  let trimmedSegments = 0;

  const runModel = async (segment: Segment): Promise<string> => {
    const result = await upstream.run(
      TRANSLATION_MODEL,
      { text: segment.text, source_lang: segment.source, target_lang: target },
      { signal },
    );
    if (result.kind !== 'json') {
      throw new GatewayError(502, 'upstream_malformed', 'Workers AI answered a translation with a stream.');
    }
    const output = readTranslatedText(result.data).trim();
    const usage = measureTranslationUsage(TRANSLATION_MODEL, segment.text, output, result.neurons);
    // Every call is charged as it returns (retries too), and adds to the request's logged neurons.
    recordUsage(
      request,
      {
        model: TRANSLATION_MODEL,
        usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
        reportedNeurons: usage.neurons,
      },
      { add: true },
    );
    return output;
  };

  const translateSegment = async (segment: Segment): Promise<void> => {
    let output = await runModel(segment);
    let verdict = guardRepetition(segment.text, output);
    // One retry for runaway or empty output, if the minute's upstream budget has room for it.
    if ((verdict.kind === 'runaway' || output === '') && upstreamLimiter.tryAcquire(1).ok) {
      output = await runModel(segment);
      verdict = guardRepetition(segment.text, output);
    }
    if (output === '') {
      throw new GatewayError(
        502,
        'upstream_empty',
        'Translation failed: Workers AI returned an empty translation.',
      );
    }
    if (verdict.kind === 'runaway') {
      trimmedSegments++;
      segment.translation = verdict.trimmed ?? output;
      return;
    }
    segment.translation = output;
    if (cacheCalls >= CACHE_CALLS_PER_REQUEST) return;
    cacheCalls++;
    context.waitUntil(
      segmentCache.put(
        { model: TRANSLATION_MODEL, source: segment.source, target, text: segment.text },
        output,
      ),
    );
  };

  try {
    await mapWithConcurrency(pending, CONCURRENCY, translateSegment);
  } catch (error) {
    controller.abort();
    throw error;
  }

  const texts = plans.map((plan) => {
    let text = '';
    for (const part of plan.parts) {
      if (part.kind === 'keep') {
        text += part.text;
        continue;
      }
      let translation = part.segment.translation ?? part.segment.text;
      if (job.target.traditional) translation = convertToTraditional(translation);
      text += part.markup ? escapeMarkup(translation) : translation;
    }
    return { text, source: plan.source, billedCharacters: plan.billedCharacters };
  });
  return { texts, trimmedSegments };
}
