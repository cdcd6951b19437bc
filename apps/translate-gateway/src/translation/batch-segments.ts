import type { Segment } from './plan-texts';

/** Most segments in one LLM call: beyond this, models start to lose count. */
export const MAX_SEGMENTS_PER_CALL = 40;
/** Most source characters in one LLM call, however large the context: keeps each answer prompt. */
const MAX_CHARACTERS_PER_CALL = 4000;
/** Tokens of a context kept for the instructions and the model's reasoning. */
const RESERVED_TOKENS = 1500;

/**
 * Source characters one call of a model with `contextWindow` tokens may carry: the prompt holds
 * the text once and the answer once more, at up to about 1.5 tokens a character (CJK), so a
 * third of what the context leaves after the instructions; at least one whole segment.
 */
function charactersPerCall(contextWindow: number): number {
  return Math.max(400, Math.min(MAX_CHARACTERS_PER_CALL, Math.floor((contextWindow - RESERVED_TOKENS) / 3)));
}

/**
 * Groups segments, in order, into the LLM calls that translate them: as many per call as the
 * model's context and `MAX_SEGMENTS_PER_CALL` allow. Segments are at most 400 characters
 * (splitLines), so every segment fits in a call.
 */
export function batchSegments(segments: readonly Segment[], contextWindow: number): Segment[][] {
  const limit = charactersPerCall(contextWindow);
  const batches: Segment[][] = [];
  let current: Segment[] = [];
  let characters = 0;
  for (const segment of segments) {
    if (
      current.length > 0 &&
      (current.length >= MAX_SEGMENTS_PER_CALL || characters + segment.text.length > limit)
    ) {
      batches.push(current);
      current = [];
      characters = 0;
    }
    current.push(segment);
    characters += segment.text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
