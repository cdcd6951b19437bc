import { findRunaway } from './find-runaway-repetition';

/** Output longer than this many times the input (plus slack for short inputs) is suspect. */
const MAX_GROWTH = 3;
const SLACK_CHARACTERS = 24;

/** What the repetition guard made of one model output. */
export type GuardVerdict = { kind: 'ok' } | { kind: 'runaway'; trimmed: string | undefined };

/**
 * Judges one m2m100 output against its input: `runaway` when it is over three times longer
 * or repeats a phrase back to back (`trimmed` then holds the output cut after the first
 * occurrence, when a repeated phrase was found).
 */
export function guardRepetition(input: string, output: string): GuardVerdict {
  const trimmed = findRunaway(output);
  if (trimmed !== undefined && !findRunaway(input)) return { kind: 'runaway', trimmed };
  if (output.length > input.length * MAX_GROWTH + SLACK_CHARACTERS) return { kind: 'runaway', trimmed };
  return { kind: 'ok' };
}
