// About four characters a token: the usual rule of thumb for English BPE tokenizers.
const CHARACTERS_PER_TOKEN = 4;

/**
 * Tokens that `characters` characters of text are estimated to hold (about four characters a
 * token), for when Workers AI reports no usage: over the binding, for image models, or for a
 * stream cut off before its usage event.
 */
export function estimateTokens(characters: number): number {
  return Math.ceil(characters / CHARACTERS_PER_TOKEN);
}
