import type { CatalogModel, ModelPrices, ModelUsage } from './catalog-model';
import { findModel } from './find-model';
import { MODEL_CATALOG } from './model-catalog';

type PriceKind = ModelPrices['kind'];
type PriceOf<Kind extends PriceKind> = Extract<ModelPrices, { kind: Kind }>;

// Rough speech rate used to convert between characters and audio time when a call reports one
// and the model is priced in the other: about 150 words of 6 characters a minute.
const CHARACTERS_PER_AUDIO_MINUTE = 900;
// Characters per token when a token-priced model only reports characters. Two is deliberately
// low (English averages about four) so that the estimate errs towards spending the budget early.
const CHARACTERS_PER_TOKEN = 2;
const TILE_SIDE = 512;

function publishedPrices<Kind extends PriceKind>(
  kind: Kind,
  task: CatalogModel['task'] | undefined,
): PriceOf<Kind>[] {
  const prices: PriceOf<Kind>[] = [];
  for (const entry of MODEL_CATALOG) {
    if (entry.prices?.kind !== kind || (task !== undefined && entry.task !== task)) continue;
    prices.push(entry.prices as PriceOf<Kind>);
  }
  return prices;
}

function highest(values: number[]): number {
  return values.reduce((maximum, value) => Math.max(maximum, value), 0);
}

/**
 * The price to assume when Cloudflare publishes none: the highest published rate of that unit
 * among models of the same task (or of any task when the task has none).
 */
function conservativePrice(usage: ModelUsage, task: CatalogModel['task'] | undefined): ModelPrices {
  if ('inputTokens' in usage || 'characters' in usage) {
    if ('characters' in usage && (task === 'text-to-speech' || task === undefined)) {
      const sameTask = publishedPrices('characters', task);
      const prices = sameTask.length > 0 ? sameTask : publishedPrices('characters', undefined);
      return {
        kind: 'characters',
        perThousandCharacters: highest(prices.map((price) => price.perThousandCharacters)),
      };
    }
    const sameTask = publishedPrices('tokens', task);
    const prices = sameTask.length > 0 ? sameTask : publishedPrices('tokens', undefined);
    return {
      kind: 'tokens',
      inputPerMillion: highest(prices.map((price) => price.inputPerMillion)),
      outputPerMillion: highest(prices.map((price) => price.outputPerMillion)),
    };
  }
  if ('audioSeconds' in usage) {
    const sameTask = publishedPrices('audio-minute', task);
    const prices = sameTask.length > 0 ? sameTask : publishedPrices('audio-minute', undefined);
    return { kind: 'audio-minute', perAudioMinute: highest(prices.map((price) => price.perAudioMinute)) };
  }
  const prices = publishedPrices('image-tile', undefined);
  return {
    kind: 'image-tile',
    perTile: highest(prices.map((price) => price.perTile)),
    perStep: highest(prices.map((price) => price.perStep)),
  };
}

function tokenNeurons(
  price: PriceOf<'tokens'>,
  inputTokens: number,
  outputTokens: number,
  cachedTokens: number,
) {
  const cached = Math.min(Math.max(cachedTokens, 0), inputTokens);
  const cachedRate = price.cachedInputPerMillion ?? price.inputPerMillion;
  return (
    ((inputTokens - cached) * price.inputPerMillion +
      cached * cachedRate +
      outputTokens * price.outputPerMillion) /
    1_000_000
  );
}

function priceUsage(price: ModelPrices, usage: ModelUsage): number | undefined {
  switch (price.kind) {
    case 'free':
      return 0;
    case 'tokens':
      if ('inputTokens' in usage)
        return tokenNeurons(price, usage.inputTokens, usage.outputTokens, usage.cachedTokens ?? 0);
      if ('characters' in usage)
        return tokenNeurons(price, Math.ceil(usage.characters / CHARACTERS_PER_TOKEN), 0, 0);
      return undefined;
    case 'audio-minute':
      if ('audioSeconds' in usage) return (usage.audioSeconds / 60) * price.perAudioMinute;
      if ('characters' in usage)
        return (usage.characters / CHARACTERS_PER_AUDIO_MINUTE) * price.perAudioMinute;
      return undefined;
    case 'characters':
      if ('characters' in usage) return (usage.characters / 1000) * price.perThousandCharacters;
      if ('audioSeconds' in usage) {
        const characters = (usage.audioSeconds / 60) * CHARACTERS_PER_AUDIO_MINUTE;
        return (characters / 1000) * price.perThousandCharacters;
      }
      return undefined;
    case 'image-tile':
    case 'image-tile-step': {
      if (!('width' in usage)) return undefined;
      const tiles = Math.ceil(usage.width / TILE_SIDE) * Math.ceil(usage.height / TILE_SIDE);
      const images = usage.images ?? 1;
      const perImage =
        price.kind === 'image-tile'
          ? tiles * price.perTile + usage.steps * price.perStep
          : tiles * usage.steps * price.perOutputTileStep;
      return perImage * images;
    }
  }
}

/**
 * Estimates the neurons a call spent, from the catalog's published prices and the call's usage:
 * tokens × rate / 1e6 (cached prompt tokens at the cached rate when one is published); audio
 * seconds / 60 × per-minute rate; per image `ceil(w/512) × ceil(h/512)` tiles × tile rate plus
 * steps × step rate (FLUX.2: tiles × steps × rate, input images not counted); characters / 1000 ×
 * rate. Free (beta) models cost 0.
 *
 * Unknown prices are estimated conservatively, never as free: a model without a published price,
 * an uncatalogued model, or usage in a unit the model is not priced in (with no sensible
 * conversion) is charged at the highest published rate of that unit among models of the same
 * task. Characters convert to 2 tokens each and 900 characters make a minute of speech.
 */
export function estimateNeurons(model: CatalogModel | string, usage: ModelUsage): number {
  const entry = typeof model === 'string' ? findModel(model) : model;
  const priced = entry?.prices === undefined ? undefined : priceUsage(entry.prices, usage);
  if (priced !== undefined) return priced;
  return priceUsage(conservativePrice(usage, entry?.task), usage) ?? 0;
}
