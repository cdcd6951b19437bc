/** The simulator's tokenizer: one token per four characters, rounded up. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
