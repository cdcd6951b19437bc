import { GatewayError, type GatewayRequest, recordUsage, type upstreamFor } from '@workers-ai-gateways/core';
import { measureTranslationUsage } from '../usage/measure-translation-usage';
import { guardRepetition } from './guard-repetition';
import type { Segment } from './plan-texts';

/** What every model call of one request shares. */
export interface SegmentCall {
  request: GatewayRequest;
  upstream: ReturnType<typeof upstreamFor>;
  model: string;
  target: string;
  signal: AbortSignal;
  /** Whether one more call fits the minute's upstream budget (reserves it when it does). */
  mayRetry: () => boolean;
}

/** A segment's translation, and whether its runaway repetition had to be trimmed. */
export interface SegmentTranslation {
  translation: string;
  trimmed: boolean;
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

async function runModel(segment: Segment, call: SegmentCall): Promise<string> {
  const result = await call.upstream.run(
    call.model,
    { text: segment.text, source_lang: segment.source, target_lang: call.target },
    { signal: call.signal },
  );
  if (result.kind !== 'json') {
    throw new GatewayError(502, 'upstream_malformed', 'Workers AI answered a translation with a stream.');
  }
  const output = readTranslatedText(result.data).trim();
  const usage = measureTranslationUsage(call.model, segment.text, output, result.neurons);
  // Every call is charged as it returns (retries too), and adds to the request's logged neurons.
  recordUsage(
    call.request,
    {
      model: call.model,
      usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
      reportedNeurons: usage.neurons,
    },
    { add: true },
  );
  return output;
}

/**
 * Translates one segment with m2m100: runaway repetition or an empty answer is retried once
 * (when the minute's upstream budget has room), then runaway output is trimmed and an empty
 * one is a 502.
 */
export async function translateSegment(segment: Segment, call: SegmentCall): Promise<SegmentTranslation> {
  let output = await runModel(segment, call);
  let verdict = guardRepetition(segment.text, output);
  if ((verdict.kind === 'runaway' || output === '') && call.mayRetry()) {
    output = await runModel(segment, call);
    verdict = guardRepetition(segment.text, output);
  }
  if (output === '') {
    throw new GatewayError(
      502,
      'upstream_empty',
      'Translation failed: Workers AI returned an empty translation.',
    );
  }
  if (verdict.kind === 'runaway') return { translation: verdict.trimmed ?? output, trimmed: true };
  return { translation: output, trimmed: false };
}
