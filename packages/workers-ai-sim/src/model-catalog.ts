// The simulator's own description of Workers AI's models. It must not share core's catalog
// (packages/core/src/workers-ai/catalog): the simulator stands for the upstream, so the gateways'
// tests compare core's catalog, prices and converters against an independent account of how each
// model behaves. A shared table would let one mistake pass on both sides unnoticed.

/** How a model behaves; rates are neurons per million tokens unless named otherwise. */
export type ModelFamily =
  | {
      kind: 'legacy-text';
      contextWindow: number;
      rates: [input: number, output: number];
      /** qwq and deepseek-r1 write `<think>…</think>` before the answer. */
      reasoning?: boolean;
      /** Accepts `image_url` content parts. */
      vision?: boolean;
    }
  | {
      kind: 'openai-text';
      contextWindow: number;
      rates: [input: number, output: number];
      reasoningField?: 'reasoning_content' | 'reasoning';
      /** glm sends `finish_reason` only with the trailing usage event. */
      finishReasonWithUsage?: boolean;
      /** Answers 5035 on the Workers Free plan. */
      paidOnly?: boolean;
    }
  | { kind: 'embedding'; dimensions: number; rate: number; pooling: boolean; contextWindow: number }
  | { kind: 'whisper' | 'whisper-turbo' | 'nova'; ratePerMinute: number }
  | { kind: 'translation'; rates: [input: number, output: number] }
  | { kind: 'sd-image'; needs: 'prompt' | 'image' | 'image-and-mask' }
  | { kind: 'flux-schnell' | 'flux-2'; ratePerTile: number; ratePerStep: number }
  | { kind: 'leonardo'; ratePerTile: number; ratePerStep: number; negativePrompt: boolean }
  | { kind: 'melotts'; ratePerMinute: number }
  | { kind: 'aura'; ratePer1000Characters: number; speakers: readonly string[] };

/** A model the simulator serves. */
export interface ModelEntry {
  id: string;
  taskName: string;
  description: string;
  family: ModelFamily;
}

const auraOneSpeakers = [
  'angus',
  'asteria',
  'arcas',
  'orion',
  'orpheus',
  'athena',
  'luna',
  'zeus',
  'perseus',
  'helios',
  'hera',
  'stella',
] as const;
// Deepgram's Aura-2 voice names [unverified: the facts file gives only the counts, 40 and 10].
const auraTwoEnglishSpeakers = [
  'amalthea',
  'andromeda',
  'apollo',
  'arcas',
  'aries',
  'asteria',
  'athena',
  'atlas',
  'aurora',
  'callista',
  'cora',
  'cordelia',
  'delia',
  'draco',
  'electra',
  'harmonia',
  'helena',
  'hera',
  'hermes',
  'hyperion',
  'iris',
  'janus',
  'juno',
  'jupiter',
  'luna',
  'mars',
  'minerva',
  'neptune',
  'odysseus',
  'ophelia',
  'orion',
  'orpheus',
  'pandora',
  'phoebe',
  'pluto',
  'saturn',
  'selene',
  'thalia',
  'theia',
  'vesta',
] as const;
const auraTwoSpanishSpeakers = [
  'sirio',
  'nestor',
  'carina',
  'celeste',
  'alvaro',
  'diana',
  'aquila',
  'selena',
  'estrella',
  'javier',
] as const;

const textGeneration = 'Text Generation';
const entries: ModelEntry[] = [
  // Legacy family. Rates from the pricing page where published; the rest are [unverified] estimates.
  legacy('@cf/meta/llama-3.3-70b-instruct-fp8-fast', 24000, [26668, 204805]),
  legacy('@cf/meta/llama-3.1-8b-instruct-fast', 128000, [4119, 34868]),
  legacy('@cf/meta/llama-3.1-8b-instruct-fp8', 32000, [13778, 26128]),
  legacy('@cf/meta/llama-3.2-1b-instruct', 60000, [2457, 18252]),
  legacy('@cf/meta/llama-3.2-3b-instruct', 128000, [4625, 30475]),
  legacy('@cf/meta/llama-3.2-11b-vision-instruct', 128000, [4410, 61493], { vision: true }),
  legacy('@cf/meta/llama-4-scout-17b-16e-instruct', 131000, [24545, 77273], { vision: true }),
  legacy('@cf/mistralai/mistral-small-3.1-24b-instruct', 128000, [31876, 50488], { vision: true }),
  legacy('@cf/qwen/qwq-32b', 24000, [60000, 90909], { reasoning: true }),
  legacy('@cf/qwen/qwen2.5-coder-32b-instruct', 32768, [60000, 90909]),
  legacy('@cf/deepseek-ai/deepseek-r1-distill-qwen-32b', 80000, [45170, 443756], { reasoning: true }),
  openai('@cf/openai/gpt-oss-120b', {
    contextWindow: 128000,
    rates: [31818, 68182],
    reasoningField: 'reasoning',
  }),
  openai('@cf/openai/gpt-oss-20b', {
    contextWindow: 128000,
    rates: [18182, 27273],
    reasoningField: 'reasoning',
  }),
  openai('@cf/qwen/qwen3-30b-a3b-fp8', {
    contextWindow: 32768,
    rates: [4625, 30475],
    reasoningField: 'reasoning_content',
  }),
  openai('@cf/zai-org/glm-4.7-flash', {
    contextWindow: 131072,
    rates: [5500, 36400],
    reasoningField: 'reasoning_content',
    finishReasonWithUsage: true,
  }),
  openai('@cf/google/gemma-4-26b-a4b-it', { contextWindow: 128000, rates: [9091, 27273] }),
  openai('@cf/moonshotai/kimi-k2.6', { contextWindow: 256000, rates: [54545, 227273], paidOnly: true }),
  embedding('@cf/baai/bge-small-en-v1.5', 384, 1841, true, 512),
  embedding('@cf/baai/bge-base-en-v1.5', 768, 6058, true, 512),
  embedding('@cf/baai/bge-large-en-v1.5', 1024, 18582, true, 512),
  embedding('@cf/baai/bge-m3', 1024, 1075, false, 60000),
  embedding('@cf/qwen/qwen3-embedding-0.6b', 1024, 1075, false, 32768),
  // Price not published in the facts file [unverified].
  embedding('@cf/google/embeddinggemma-300m', 768, 1075, false, 2048),
  speech('@cf/openai/whisper', { kind: 'whisper', ratePerMinute: 41.14 }),
  speech('@cf/openai/whisper-tiny-en', { kind: 'whisper', ratePerMinute: 41.14 }),
  speech('@cf/openai/whisper-large-v3-turbo', { kind: 'whisper-turbo', ratePerMinute: 46.63 }),
  speech('@cf/deepgram/nova-3', { kind: 'nova', ratePerMinute: 472.73 }),
  {
    id: '@cf/meta/m2m100-1.2b',
    taskName: 'Translation',
    description: 'Synthetic stand-in for a multilingual encoder-decoder translation model.',
    family: { kind: 'translation', rates: [31050, 31050] },
  },
  image('@cf/stabilityai/stable-diffusion-xl-base-1.0', { kind: 'sd-image', needs: 'prompt' }),
  image('@cf/bytedance/stable-diffusion-xl-lightning', { kind: 'sd-image', needs: 'prompt' }),
  image('@cf/lykon/dreamshaper-8-lcm', { kind: 'sd-image', needs: 'prompt' }),
  image('@cf/runwayml/stable-diffusion-v1-5-img2img', { kind: 'sd-image', needs: 'image' }),
  image('@cf/runwayml/stable-diffusion-v1-5-inpainting', { kind: 'sd-image', needs: 'image-and-mask' }),
  image('@cf/black-forest-labs/flux-1-schnell', { kind: 'flux-schnell', ratePerTile: 4.8, ratePerStep: 9.6 }),
  image('@cf/leonardo/lucid-origin', {
    kind: 'leonardo',
    ratePerTile: 636,
    ratePerStep: 12,
    negativePrompt: false,
  }),
  image('@cf/leonardo/phoenix-1.0', {
    kind: 'leonardo',
    ratePerTile: 530,
    ratePerStep: 10,
    negativePrompt: true,
  }),
  // flux-2 prices are not in the facts file [unverified].
  image('@cf/black-forest-labs/flux-2-dev', { kind: 'flux-2', ratePerTile: 18.75, ratePerStep: 0 }),
  image('@cf/black-forest-labs/flux-2-klein-4b', { kind: 'flux-2', ratePerTile: 5.45, ratePerStep: 0 }),
  image('@cf/black-forest-labs/flux-2-klein-9b', { kind: 'flux-2', ratePerTile: 9.09, ratePerStep: 0 }),
  tts('@cf/myshell-ai/melotts', { kind: 'melotts', ratePerMinute: 18.63 }),
  tts('@cf/deepgram/aura-1', { kind: 'aura', ratePer1000Characters: 1363.64, speakers: auraOneSpeakers }),
  tts('@cf/deepgram/aura-2-en', {
    kind: 'aura',
    ratePer1000Characters: 2727.27,
    speakers: auraTwoEnglishSpeakers,
  }),
  tts('@cf/deepgram/aura-2-es', {
    kind: 'aura',
    ratePer1000Characters: 2727.27,
    speakers: auraTwoSpanishSpeakers,
  }),
];

/** Every model the simulator serves, by id. */
export const modelCatalog: ReadonlyMap<string, ModelEntry> = new Map(
  entries.map((entry) => [entry.id, entry]),
);

function legacy(
  id: string,
  contextWindow: number,
  rates: [number, number],
  extra: { reasoning?: boolean; vision?: boolean } = {},
): ModelEntry {
  return {
    id,
    taskName: textGeneration,
    description: `Synthetic stand-in for ${id} (legacy output: response, tool_calls, usage).`,
    family: { kind: 'legacy-text', contextWindow, rates, ...extra },
  };
}

function openai(id: string, family: Omit<Extract<ModelFamily, { kind: 'openai-text' }>, 'kind'>): ModelEntry {
  return {
    id,
    taskName: textGeneration,
    description: `Synthetic stand-in for ${id} (OpenAI Chat Completions schema).`,
    family: { kind: 'openai-text', ...family },
  };
}

function embedding(
  id: string,
  dimensions: number,
  rate: number,
  pooling: boolean,
  contextWindow: number,
): ModelEntry {
  return {
    id,
    taskName: 'Text Embeddings',
    description: `Synthetic ${dimensions}-dimensional embeddings.`,
    family: { kind: 'embedding', dimensions, rate, pooling, contextWindow },
  };
}

function speech(id: string, family: ModelFamily): ModelEntry {
  return {
    id,
    taskName: 'Automatic Speech Recognition',
    description: 'Synthetic transcripts.',
    family,
  };
}

function image(id: string, family: ModelFamily): ModelEntry {
  return { id, taskName: 'Text-to-Image', description: 'Synthetic flat-colour images.', family };
}

function tts(id: string, family: ModelFamily): ModelEntry {
  return { id, taskName: 'Text-to-Speech', description: 'Synthetic silent MP3 audio.', family };
}
