import { estimateNeurons, type LedgerUsage } from '@workers-ai-gateways/core';

/** DeepL's "unlimited" answer, used when `DAILY_NEURON_BUDGET=0` turns the guard off. */
const UNLIMITED_CHARACTERS = 1_000_000_000_000;

/** DeepL's `GET /v2/usage` body. */
export interface DeeplUsage {
  character_count: number;
  character_limit: number;
}

/**
 * Today's neuron ledger in DeepL's terms, counting each character as one input and one output
 * token of `model` (as `measureTranslationUsage` does): `character_limit` is what
 * `DAILY_NEURON_BUDGET` buys, `character_count` what today's neurons bought. Both come from the
 * same ledger as `GET /v1/usage`, so when the ledger is shared with the other gateways their
 * neurons count here too: the count reaches the limit exactly when the guard starts refusing.
 */
export function readDeeplUsage(usage: LedgerUsage, model: string): DeeplUsage {
  const neuronsPerCharacter = estimateNeurons(model, { inputTokens: 1, outputTokens: 1 });
  if (usage.budget <= 0 || neuronsPerCharacter <= 0) {
    return {
      character_count: neuronsPerCharacter > 0 ? Math.round(usage.used / neuronsPerCharacter) : 0,
      character_limit: UNLIMITED_CHARACTERS,
    };
  }
  const characterLimit = Math.floor(usage.budget / neuronsPerCharacter);
  // Once Workers AI said the day's allocation is gone, the count shows the limit reached.
  const characterCount = usage.exhausted
    ? characterLimit
    : Math.min(characterLimit, Math.round(usage.used / neuronsPerCharacter));
  return { character_count: characterCount, character_limit: characterLimit };
}
