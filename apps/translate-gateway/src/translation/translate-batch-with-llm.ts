import {
  type CatalogModel,
  convertToWorkersAiChatInput,
  estimateTokens,
  GatewayError,
  type GatewayRequest,
  mapWorkersAiChatResponse,
  recordUsage,
  type upstreamFor,
} from '@workers-ai-gateways/core';
import { buildTranslationPrompt, type TranslationSettings } from './build-translation-prompt';
import type { Segment } from './plan-texts';
import { readLlmTranslations } from './read-llm-translations';

/** What every LLM call of one request shares. */
export interface LlmCall {
  request: GatewayRequest;
  upstream: ReturnType<typeof upstreamFor>;
  model: string;
  entry: CatalogModel | undefined;
  contextWindow: number;
  settings: TranslationSettings;
  signal: AbortSignal;
  /** Reserves one more upstream call against the minute's limit; false when there is no room. */
  mayCall: () => boolean;
}

/** Tokens an answer may use beyond the translations themselves: JSON, ids, a reasoning model's thinking. */
const ANSWER_OVERHEAD_TOKENS = 1024;
const WORDS = /\p{L}{2,}/gu;
const UNSPACED_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]{4,}/u;

/**
 * Whether an answer equal to its source means the model did not translate: a source of two words
 * or more (or four characters of an unspaced script) is text to translate, while a single word is
 * often a name a model rightly keeps (`GitHub`, `iPhone`).
 */
function isSentence(text: string): boolean {
  return (text.match(WORDS)?.length ?? 0) >= 2 || UNSPACED_RUN.test(text);
}

function outputBudget(segments: readonly Segment[], promptCharacters: number, contextWindow: number): number {
  const characters = segments.reduce((total, segment) => total + segment.text.length, 0);
  const wanted = characters * 2 + segments.length * 16 + ANSWER_OVERHEAD_TOKENS;
  // The prompt counted at a token per character, so the answer never overruns the context.
  return Math.max(256, Math.min(wanted, contextWindow - promptCharacters));
}

/** One model call for `segments`, numbered from 1; answers the model's text with reasoning left out. */
async function runCall(segments: readonly Segment[], call: LlmCall): Promise<string> {
  const messages = buildTranslationPrompt(
    segments.map((segment, index) => ({ id: index + 1, text: segment.text })),
    call.settings,
  );
  const promptCharacters = messages.reduce((total, message) => total + message.content.length, 0);
  const chat = convertToWorkersAiChatInput(
    { messages, max_tokens: outputBudget(segments, promptCharacters, call.contextWindow), temperature: 0 },
    { model: call.model, entry: call.entry },
  );
  const result = await call.upstream.run(call.model, chat.inputs, { signal: call.signal });
  if (result.kind !== 'json') {
    throw new GatewayError(
      502,
      'upstream_malformed',
      `Workers AI answered '${call.model}' with ${result.kind} output, not text.`,
    );
  }
  const answer = mapWorkersAiChatResponse(result.data, chat);
  const content = answer.choices[0]?.content ?? '';
  const usage = answer.usage;
  const reportedNeurons = usage?.neurons ?? result.neurons;
  // Every call is charged as it returns (retries too), and adds to the request's logged neurons.
  recordUsage(
    call.request,
    {
      model: call.model,
      usage: {
        inputTokens: usage?.prompt_tokens || estimateTokens(promptCharacters),
        outputTokens: usage?.completion_tokens || estimateTokens(content.length),
      },
      ...(reportedNeurons === undefined ? {} : { reportedNeurons }),
    },
    { add: true },
  );
  return content;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Translates `segments` in one call and keeps each acceptable answer; returns the segments
 * still untranslated. An answer is refused when missing or empty, when it spans several lines (a
 * segment is one line: a merge), or when it merely echoes a source of two words or more; the segment
 * before a missing one is refused too, since a model that merges puts the next segment's
 * translation into the previous one.
 */
async function attempt(segments: readonly Segment[], call: LlmCall): Promise<Segment[]> {
  const translations = readLlmTranslations(await runCall(segments, call));
  if (!translations) return [...segments];
  const refused = new Set<number>();
  segments.forEach((segment, index) => {
    const translation = translations.get(index + 1)?.trim();
    if (translation === undefined) {
      refused.add(index);
      if (index > 0) refused.add(index - 1);
      return;
    }
    const echo = normalized(translation) === normalized(segment.text) && isSentence(segment.text);
    if (translation === '' || /[\r\n]/.test(translation) || echo) refused.add(index);
  });
  segments.forEach((segment, index) => {
    if (!refused.has(index)) segment.translation = translations.get(index + 1)?.trim();
  });
  return segments.filter((_, index) => refused.has(index));
}

/** The last resort for one segment: a call of its own, whose answer is taken unless it is empty. */
async function translateAlone(segment: Segment, call: LlmCall): Promise<void> {
  const content = await runCall([segment], call);
  const translations = readLlmTranslations(content);
  let translation = translations ? (translations.get(1) ?? [...translations.values()][0]) : undefined;
  // A model asked for one segment may answer it as plain text.
  if (translation === undefined && !content.includes('{')) {
    translation = content.replace(/<think>[\s\S]*?<\/think>/g, '');
  }
  translation = translation?.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (!translation) {
    throw new GatewayError(
      502,
      'upstream_malformed',
      `Translation failed: '${call.model}' answered no translation for a segment.`,
    );
  }
  segment.translation = translation;
}

function reserve(call: LlmCall): void {
  if (!call.mayCall()) {
    throw new GatewayError(
      429,
      'rate_limited',
      'Too many requests: Workers AI rate limit for the translation model reached. Retry in 60 s.',
      {
        retryAfter: 60,
      },
    );
  }
}

/**
 * Translates one batch of segments with the LLM engine so that every segment gets its own
 * translation: the batch in one call, checked segment by segment; one retry of just the refused
 * segments in one call; then a call per segment still refused. Never a shifted or dropped line.
 * The first call must already be reserved; each further call is reserved here.
 */
export async function translateBatchWithLlm(segments: readonly Segment[], call: LlmCall): Promise<void> {
  let refused = await attempt(segments, call);
  if (refused.length > 1) {
    reserve(call);
    refused = await attempt(refused, call);
  }
  for (const segment of refused) {
    reserve(call);
    await translateAlone(segment, call);
  }
}
