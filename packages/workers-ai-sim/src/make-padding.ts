import { hashText } from './hash-text';

const alphabet = 'abdefghijklmnoprstuvxyz123456789';

/**
 * The `p` field Workers AI adds to stream events: random-length padding against a token-length side
 * channel. Deterministic here so that recorded streams stay stable.
 */
export function makePadding(seed: string): string {
  return alphabet.slice(0, 1 + (hashText(seed) % alphabet.length));
}
