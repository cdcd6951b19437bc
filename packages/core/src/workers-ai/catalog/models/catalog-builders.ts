import type {
  CatalogModel,
  ImageLimits,
  ModelCapabilities,
  ModelFamily,
  ModelPrices,
  Task,
} from '../catalog-model';
import { DEFAULT_MODELS } from '../default-models';

// The builders every task's table uses: one call per model keeps each table to the facts.

const NO_CAPABILITIES: ModelCapabilities = { tools: false, jsonMode: false, vision: false, reasoning: false };

/** Legacy Workers AI text models apply `max_tokens: 256` when the client sends none. */
const LEGACY_DEFAULT_MAX_TOKENS = 256;

export function tokens(
  inputPerMillion: number,
  outputPerMillion: number,
  cachedInputPerMillion?: number,
): ModelPrices {
  return cachedInputPerMillion === undefined
    ? { kind: 'tokens', inputPerMillion, outputPerMillion }
    : { kind: 'tokens', inputPerMillion, outputPerMillion, cachedInputPerMillion };
}

interface ChatOptions {
  family?: ModelFamily;
  status?: 'active' | 'beta';
  contextWindow?: number;
  defaultMaxTokens?: number;
  capabilities?: Partial<ModelCapabilities>;
  prices?: ModelPrices;
  paidOnly?: boolean;
}

// The only hard cap Workers AI documents on completions is the context window, so a chat model's
// largest `max_tokens` is its context window.
export function chat(id: string, description: string, options: ChatOptions): CatalogModel {
  const family = options.family ?? 'legacy-chat';
  return {
    id,
    task: 'text-generation',
    family,
    description,
    status: options.status ?? 'active',
    ...(options.paidOnly === true ? { paidOnly: true } : {}),
    ...(options.contextWindow === undefined
      ? {}
      : { contextWindow: options.contextWindow, maxOutputTokens: options.contextWindow }),
    defaultMaxTokens: options.defaultMaxTokens ?? LEGACY_DEFAULT_MAX_TOKENS,
    capabilities: { ...NO_CAPABILITIES, ...options.capabilities },
    ...(options.prices === undefined ? {} : { prices: options.prices }),
  };
}

export function embedding(
  id: string,
  family: 'bge' | 'embedding',
  description: string,
  embeddingDimensions: number,
  contextWindow: number | undefined,
  prices: ModelPrices | undefined,
): CatalogModel {
  return {
    id,
    task: 'text-embeddings',
    family,
    description,
    status: 'active',
    embeddingDimensions,
    // Embeddings take at most 100 texts per call (text-embeddings input schema, `maxItems: 100`).
    maxBatch: 100,
    ...(contextWindow === undefined ? {} : { contextWindow }),
    ...(prices === undefined ? {} : { prices }),
  };
}

export function image(
  id: string,
  family: ModelFamily,
  description: string,
  status: 'active' | 'beta',
  limits: ImageLimits,
  prices: ModelPrices | undefined,
): CatalogModel {
  return {
    id,
    task: 'text-to-image',
    family,
    description,
    status,
    image: limits,
    ...(prices === undefined ? {} : { prices }),
  };
}

/** SD-family limits: `height`/`width` 256–2048, `num_steps` ≤ 20 (default 20), `guidance` 7.5. */
export function stableDiffusionLimits(
  defaultSize: number,
  img2img: boolean,
  inpainting: boolean,
): ImageLimits {
  return {
    minWidth: 256,
    maxWidth: 2048,
    minHeight: 256,
    maxHeight: 2048,
    defaultWidth: defaultSize,
    defaultHeight: defaultSize,
    maxSteps: 20,
    defaultSteps: 20,
    guidance: [0, 30, 7.5],
    img2img,
    inpainting,
  };
}

export const STABLE_DIFFUSION_BETA: ModelPrices = {
  kind: 'free',
  reason: 'Beta model: Cloudflare does not bill Stable Diffusion models while they are in beta.',
};

export function removed(
  id: string,
  task: Task,
  family: ModelFamily | undefined,
  removedOn: string | undefined,
  replacement: string,
  description: string,
): CatalogModel {
  return {
    id,
    task,
    family,
    description,
    status: 'removed',
    ...(removedOn === undefined ? {} : { removedOn }),
    replacement,
  };
}

// Dates of the two removal rounds that emptied most of the guide's model list.
export const REMOVED_2025_10_01 = '2025-10-01';
export const REMOVED_2026_05_30 = '2026-05-30';

export function removedChat(
  id: string,
  removedOn: string | undefined,
  replacement: string = DEFAULT_MODELS.chat,
) {
  return removed(id, 'text-generation', 'legacy-chat', removedOn, replacement, `Removed chat model ${id}.`);
}
