import { estimateNeurons, type GatewayConfig } from '@workers-ai-gateways/core';
import { translatedCharacters } from './translated-characters';

/** DeepL's "unlimited" answer, used when `DAILY_NEURON_BUDGET=0` turns the guard off. */
const UNLIMITED_CHARACTERS = 1_000_000_000_000;

/** DeepL's `GET /v2/usage` body. */
export interface DeeplUsage {
  character_count: number;
  character_limit: number;
}

/**
 * Today's usage in DeepL's terms. `character_limit` is what `DAILY_NEURON_BUDGET` buys at
 * m2m100's price, counting each character as one input and one output token (as
 * `measureTranslationUsage` does); `character_count` is what this isolate translated today.
 * The neuron ledger replaces this function with exact account-wide figures.
 */
export async function readDeeplUsage(config: GatewayConfig, model: string): Promise<DeeplUsage> {
  const budget = config.dailyNeuronBudget;
  const neuronsPerCharacter = estimateNeurons(model, { inputTokens: 1, outputTokens: 1 });
  const characterLimit =
    budget === 0 || neuronsPerCharacter <= 0
      ? UNLIMITED_CHARACTERS
      : Math.floor(budget / neuronsPerCharacter);
  return { character_count: translatedCharacters.today(), character_limit: characterLimit };
}
