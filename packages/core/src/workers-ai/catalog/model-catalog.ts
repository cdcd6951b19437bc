import type {
  CatalogModel,
  ImageLimits,
  ModelCapabilities,
  ModelFamily,
  ModelPrices,
  Task,
} from './catalog-model';
import { DEFAULT_MODELS } from './default-models';

/*
 * Sources (checked 2026 against the stored cloudflare-docs repository and developer docs):
 * - model pages / JSON: https://developers.cloudflare.com/workers-ai/models/<name>/ and
 *   https://github.com/cloudflare/cloudflare-docs/tree/production/src/content/workers-ai-models
 *   (context_window, function_calling, reasoning, vision, require_workers_paid, price, schemas).
 * - prices: https://developers.cloudflare.com/workers-ai/platform/pricing/ — neuron figures are
 *   taken from that page where it lists them; otherwise derived from the model page's dollar price
 *   at $0.011 per 1,000 neurons (dollars × 90,909.09 = neurons), which rounds to a few neurons.
 * - removals: https://developers.cloudflare.com/changelog/post/2026-05-08-planned-model-deprecations/
 *   (18 models removed 2026-05-30) and the 2025-10-01 removal of `@hf/thebloke/*` and other
 *   community models listed in reference/workers-ai-facts.md.
 * - paid-only: https://developers.cloudflare.com/changelog/post/2026-07-28-models-require-workers-paid/
 */

const NO_CAPABILITIES: ModelCapabilities = { tools: false, jsonMode: false, vision: false, reasoning: false };

/** Legacy Workers AI text models apply `max_tokens: 256` when the client sends none. */
const LEGACY_DEFAULT_MAX_TOKENS = 256;

function tokens(
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
function chat(id: string, description: string, options: ChatOptions): CatalogModel {
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

function embedding(
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

function image(
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
function stableDiffusionLimits(defaultSize: number, img2img: boolean, inpainting: boolean): ImageLimits {
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

const STABLE_DIFFUSION_BETA: ModelPrices = {
  kind: 'free',
  reason: 'Beta model: Cloudflare does not bill Stable Diffusion models while they are in beta.',
};

function removed(
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
const REMOVED_2025_10_01 = '2025-10-01';
const REMOVED_2026_05_30 = '2026-05-30';

function removedChat(id: string, removedOn: string | undefined, replacement: string = DEFAULT_MODELS.chat) {
  return removed(id, 'text-generation', 'legacy-chat', removedOn, replacement, `Removed chat model ${id}.`);
}

const active: readonly CatalogModel[] = [
  // ---- Text generation, legacy schema ----
  chat('@cf/meta/llama-3.1-8b-instruct-fast', 'Llama 3.1 8B Instruct, fast variant.', {
    // Context from https://developers.cloudflare.com/workers-ai/models/llama-3.1-8b-instruct-fast/;
    // the pricing page lists this model as `llama-3.1-8b-instruct-fp8-fast`.
    contextWindow: 128000,
    capabilities: { tools: true, jsonMode: true },
    prices: tokens(4119, 34868),
  }),
  chat(
    '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
    'Llama 3.3 70B quantized to fp8, optimized to be faster.',
    {
      contextWindow: 24000,
      capabilities: { tools: true, jsonMode: true },
      prices: tokens(26668, 204805),
    },
  ),
  chat('@cf/meta/llama-3.1-8b-instruct-fp8', 'Llama 3.1 8B Instruct quantized to fp8.', {
    contextWindow: 32000,
    capabilities: { tools: true },
    prices: tokens(13778, 26128),
  }),
  chat('@cf/meta/llama-3.2-1b-instruct', 'Llama 3.2 1B Instruct: the smallest, cheapest Llama.', {
    contextWindow: 60000,
    prices: tokens(2457, 18252),
  }),
  chat('@cf/meta/llama-3.2-3b-instruct', 'Llama 3.2 3B Instruct.', {
    contextWindow: 128000,
    prices: tokens(4625, 30475),
  }),
  chat(
    '@cf/meta/llama-3.2-11b-vision-instruct',
    'Llama 3.2 11B Vision Instruct (needs the Llama 3.2 agreement).',
    {
      contextWindow: 128000,
      capabilities: { jsonMode: true, vision: true },
      prices: tokens(4410, 61493),
    },
  ),
  chat('@cf/meta/llama-4-scout-17b-16e-instruct', 'Llama 4 Scout 17B, 16 experts, natively multimodal.', {
    contextWindow: 131000,
    capabilities: { tools: true, jsonMode: true, vision: true },
    prices: tokens(24545, 77273),
  }),
  chat(
    '@cf/mistralai/mistral-small-3.1-24b-instruct',
    'Mistral Small 3.1 24B with vision and 128k context.',
    {
      contextWindow: 128000,
      // JSON output goes through `guided_json`, not `response_format`, so JSON mode is off here.
      capabilities: { tools: true, vision: true },
      // $0.35 / $0.56 per million tokens.
      prices: tokens(31876, 50909),
    },
  ),
  chat('@cf/qwen/qwq-32b', 'QwQ 32B reasoning model of the Qwen series.', {
    contextWindow: 24000,
    capabilities: { reasoning: true },
    // $0.66 / $1.00 per million tokens.
    prices: tokens(60000, 90909),
  }),
  chat('@cf/qwen/qwen2.5-coder-32b-instruct', 'Qwen2.5 Coder 32B Instruct, code-specific.', {
    contextWindow: 32768,
    capabilities: { jsonMode: true },
    // $0.66 / $1.00 per million tokens.
    prices: tokens(60000, 90909),
  }),
  chat('@cf/deepseek-ai/deepseek-r1-distill-qwen-32b', 'DeepSeek-R1 distilled into Qwen 32B: reasoning.', {
    contextWindow: 80000,
    capabilities: { jsonMode: true, reasoning: true },
    prices: tokens(45170, 443756),
  }),
  chat('@cf/ibm-granite/granite-4.0-h-micro', 'IBM Granite 4.0 H Micro: small, strong at tool calling.', {
    contextWindow: 131000,
    capabilities: { tools: true },
    prices: tokens(1542, 10158),
  }),
  chat('@cf/meta/llama-guard-3-8b', 'Llama Guard 3 8B: classifies prompts and replies as safe or unsafe.', {
    contextWindow: 131072,
    capabilities: { jsonMode: true },
    prices: tokens(44003, 2730),
  }),
  // LoRA base models stay active after 2026-05-30; Cloudflare publishes no price for them.
  chat('@cf/google/gemma-2b-it-lora', 'Gemma 2B Instruct, LoRA base model.', {
    status: 'beta',
    contextWindow: 8192,
  }),
  chat('@cf/google/gemma-7b-it-lora', 'Gemma 7B Instruct, LoRA base model.', {
    status: 'beta',
    contextWindow: 3500,
  }),
  chat('@cf/meta-llama/llama-2-7b-chat-hf-lora', 'Llama 2 7B Chat, LoRA base model.', {
    status: 'beta',
    contextWindow: 8192,
  }),
  chat('@cf/mistral/mistral-7b-instruct-v0.2-lora', 'Mistral 7B Instruct v0.2, LoRA base model.', {
    status: 'beta',
    contextWindow: 15000,
  }),

  // ---- Text generation, OpenAI schema (vLLM-served) ----
  chat(
    '@cf/openai/gpt-oss-120b',
    "OpenAI's open-weight 120B model for general-purpose, high-reasoning use.",
    {
      family: 'openai-chat',
      contextWindow: 128000,
      capabilities: { tools: true, jsonMode: true, reasoning: true },
      prices: tokens(31818, 68182),
    },
  ),
  chat('@cf/openai/gpt-oss-20b', "OpenAI's open-weight 20B model for lower latency.", {
    family: 'openai-chat',
    contextWindow: 128000,
    capabilities: { tools: true, jsonMode: true, reasoning: true },
    prices: tokens(18182, 27273),
  }),
  chat('@cf/qwen/qwen3-30b-a3b-fp8', 'Qwen3 30B-A3B mixture-of-experts, fp8.', {
    family: 'openai-chat',
    contextWindow: 32768,
    // The model page documents `max_tokens` default 2000 for this model, not 256.
    defaultMaxTokens: 2000,
    capabilities: { tools: true, jsonMode: true, reasoning: true },
    prices: tokens(4625, 30475),
  }),
  chat('@cf/zai-org/glm-4.7-flash', 'GLM-4.7-Flash: fast multilingual model with multi-turn tool calling.', {
    family: 'openai-chat',
    contextWindow: 131072,
    capabilities: { tools: true, jsonMode: true, reasoning: true },
    prices: tokens(5500, 36400),
  }),
  chat(
    '@cf/google/gemma-4-26b-a4b-it',
    'Gemma 4 26B-A4B: efficient open model with vision and tool calling.',
    {
      family: 'openai-chat',
      contextWindow: 256000,
      capabilities: { tools: true, jsonMode: true, vision: true, reasoning: true },
      prices: tokens(9091, 27273),
    },
  ),
  chat('@cf/moonshotai/kimi-k2.6', 'Kimi K2.6: 1T-parameter agentic model with vision (Workers Paid only).', {
    family: 'openai-chat',
    contextWindow: 262144,
    capabilities: { tools: true, jsonMode: true, vision: true, reasoning: true },
    // $0.95 / $4.00 per million tokens, cached input $0.16.
    prices: tokens(86364, 363636, 14545),
    paidOnly: true,
  }),

  // ---- Embeddings ----
  embedding(
    '@cf/baai/bge-small-en-v1.5',
    'bge',
    'BAAI general embedding, small (384 dimensions).',
    384,
    512,
    {
      kind: 'tokens',
      inputPerMillion: 1841,
      outputPerMillion: 0,
    },
  ),
  embedding('@cf/baai/bge-base-en-v1.5', 'bge', 'BAAI general embedding, base (768 dimensions).', 768, 512, {
    kind: 'tokens',
    inputPerMillion: 6058,
    outputPerMillion: 0,
  }),
  embedding(
    '@cf/baai/bge-large-en-v1.5',
    'bge',
    'BAAI general embedding, large (1024 dimensions).',
    1024,
    512,
    {
      kind: 'tokens',
      inputPerMillion: 18582,
      outputPerMillion: 0,
    },
  ),
  // bge-m3 takes `{text}` (or `{query, contexts}`) and no `pooling`, hence the plain family.
  embedding(
    '@cf/baai/bge-m3',
    'embedding',
    'BAAI M3: multilingual, multi-granularity embeddings.',
    1024,
    60000,
    {
      kind: 'tokens',
      inputPerMillion: 1075,
      outputPerMillion: 0,
    },
  ),
  embedding(
    '@cf/qwen/qwen3-embedding-0.6b',
    'embedding',
    'Qwen3 Embedding 0.6B, multilingual.',
    1024,
    undefined,
    {
      kind: 'tokens',
      inputPerMillion: 1075,
      outputPerMillion: 0,
    },
  ),
  embedding(
    '@cf/google/embeddinggemma-300m',
    'embedding',
    'EmbeddingGemma 300M, multilingual.',
    768,
    undefined,
    undefined,
  ),

  // ---- Speech recognition ----
  {
    id: '@cf/openai/whisper',
    task: 'automatic-speech-recognition',
    family: 'whisper',
    description: 'OpenAI Whisper: multilingual speech recognition.',
    status: 'active',
    prices: { kind: 'audio-minute', perAudioMinute: 41.14 },
  },
  {
    id: '@cf/openai/whisper-tiny-en',
    task: 'automatic-speech-recognition',
    family: 'whisper',
    description: 'Whisper tiny, English only.',
    status: 'beta',
  },
  {
    id: '@cf/openai/whisper-large-v3-turbo',
    task: 'automatic-speech-recognition',
    family: 'whisper-large-v3-turbo',
    description: 'Whisper large-v3-turbo: faster large Whisper with transcribe and translate.',
    status: 'active',
    prices: { kind: 'audio-minute', perAudioMinute: 46.63 },
  },
  {
    id: '@cf/deepgram/nova-3',
    task: 'automatic-speech-recognition',
    family: 'nova',
    description: 'Deepgram Nova-3 speech recognition.',
    status: 'active',
    prices: { kind: 'audio-minute', perAudioMinute: 472.73 },
  },

  // ---- Translation ----
  {
    id: '@cf/meta/m2m100-1.2b',
    task: 'translation',
    family: 'm2m100',
    description: 'M2M100 1.2B: many-to-many translation between 100 languages.',
    status: 'active',
    prices: tokens(31050, 31050),
  },

  // ---- Text to image ----
  image(
    '@cf/stabilityai/stable-diffusion-xl-base-1.0',
    'stable-diffusion',
    'Stable Diffusion XL base 1.0.',
    'beta',
    stableDiffusionLimits(1024, true, false),
    STABLE_DIFFUSION_BETA,
  ),
  image(
    '@cf/bytedance/stable-diffusion-xl-lightning',
    'stable-diffusion',
    'SDXL-Lightning: 1024px images in a few steps.',
    'beta',
    stableDiffusionLimits(1024, false, false),
    STABLE_DIFFUSION_BETA,
  ),
  image(
    '@cf/lykon/dreamshaper-8-lcm',
    'stable-diffusion',
    'DreamShaper 8 LCM: photorealistic Stable Diffusion fine-tune.',
    'beta',
    stableDiffusionLimits(512, false, false),
    STABLE_DIFFUSION_BETA,
  ),
  image(
    '@cf/runwayml/stable-diffusion-v1-5-img2img',
    'stable-diffusion',
    'Stable Diffusion 1.5 image-to-image.',
    'beta',
    stableDiffusionLimits(512, true, false),
    STABLE_DIFFUSION_BETA,
  ),
  image(
    '@cf/runwayml/stable-diffusion-v1-5-inpainting',
    'stable-diffusion',
    'Stable Diffusion 1.5 inpainting.',
    'beta',
    stableDiffusionLimits(512, true, true),
    STABLE_DIFFUSION_BETA,
  ),
  image(
    '@cf/black-forest-labs/flux-1-schnell',
    'flux-1',
    'FLUX.1 [schnell]: 12B rectified-flow text-to-image model.',
    'active',
    // The schema takes no width/height: every image is 1024×1024 (4 tiles). `steps` ≤ 8, default 4.
    {
      minWidth: 1024,
      maxWidth: 1024,
      minHeight: 1024,
      maxHeight: 1024,
      defaultWidth: 1024,
      defaultHeight: 1024,
      maxSteps: 8,
      defaultSteps: 4,
      guidance: undefined,
      img2img: false,
      inpainting: false,
    },
    { kind: 'image-tile', perTile: 4.8, perStep: 9.6 },
  ),
  image(
    '@cf/leonardo/lucid-origin',
    'leonardo',
    "Leonardo Lucid Origin: Leonardo.AI's most prompt-responsive model.",
    'active',
    // Schema: width/height 0–2500 (default 1120), steps 1–40, guidance 0–10 (4.5). 256 is the
    // smallest side the gateway accepts, as for the SD family.
    {
      minWidth: 256,
      maxWidth: 2500,
      minHeight: 256,
      maxHeight: 2500,
      defaultWidth: 1120,
      defaultHeight: 1120,
      maxSteps: 40,
      defaultSteps: undefined,
      guidance: [0, 10, 4.5],
      img2img: false,
      inpainting: false,
    },
    // $0.007 per 512×512 tile, $0.000132 per step.
    { kind: 'image-tile', perTile: 636.36, perStep: 12 },
  ),
  image(
    '@cf/leonardo/phoenix-1.0',
    'leonardo',
    'Leonardo Phoenix 1.0: strong prompt adherence and text rendering.',
    'active',
    {
      minWidth: 256,
      maxWidth: 2048,
      minHeight: 256,
      maxHeight: 2048,
      defaultWidth: 1024,
      defaultHeight: 1024,
      maxSteps: 50,
      defaultSteps: 25,
      guidance: [2, 10, 2],
      img2img: false,
      inpainting: false,
    },
    { kind: 'image-tile', perTile: 530, perStep: 10 },
  ),
  image(
    '@cf/black-forest-labs/flux-2-dev',
    'flux-2',
    'FLUX.2 [dev]: realistic, detailed images with multi-reference input.',
    'active',
    {
      minWidth: 256,
      maxWidth: 2048,
      minHeight: 256,
      maxHeight: 2048,
      defaultWidth: 1024,
      defaultHeight: 1024,
      maxSteps: 50,
      defaultSteps: 25,
      guidance: undefined,
      img2img: true,
      inpainting: false,
    },
    // $0.000825 per output 512×512 tile per step; $0.000413 per input tile per step.
    { kind: 'image-tile-step', perOutputTileStep: 75, perInputTileStep: 37.55 },
  ),
  image(
    '@cf/black-forest-labs/flux-2-klein-4b',
    'flux-2',
    'FLUX.2 [klein] 4B: fast distilled FLUX.2.',
    'active',
    {
      minWidth: 256,
      maxWidth: 2048,
      minHeight: 256,
      maxHeight: 2048,
      defaultWidth: 1024,
      defaultHeight: 1024,
      maxSteps: 50,
      defaultSteps: 4,
      guidance: undefined,
      img2img: true,
      inpainting: false,
    },
    undefined,
  ),
  image(
    '@cf/black-forest-labs/flux-2-klein-9b',
    'flux-2',
    'FLUX.2 [klein] 9B: distilled FLUX.2, higher quality than 4B.',
    'active',
    {
      minWidth: 256,
      maxWidth: 2048,
      minHeight: 256,
      maxHeight: 2048,
      defaultWidth: 1024,
      defaultHeight: 1024,
      maxSteps: 50,
      defaultSteps: 4,
      guidance: undefined,
      img2img: true,
      inpainting: false,
    },
    undefined,
  ),

  // ---- Text to speech ----
  {
    id: '@cf/myshell-ai/melotts',
    task: 'text-to-speech',
    family: 'melotts',
    description: 'MeloTTS: multilingual text to speech.',
    status: 'active',
    // `lang` values MeloTTS ships voices for.
    voices: ['en', 'es', 'fr', 'zh', 'ja', 'ko'],
    defaultVoice: 'en',
    prices: { kind: 'audio-minute', perAudioMinute: 18.63 },
  },
  {
    id: '@cf/deepgram/aura-1',
    task: 'text-to-speech',
    family: 'aura',
    description: 'Deepgram Aura: context-aware text to speech, English.',
    status: 'active',
    voices: [
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
    ],
    defaultVoice: 'angus',
    prices: { kind: 'characters', perThousandCharacters: 1363.64 },
  },
  {
    id: '@cf/deepgram/aura-2-en',
    task: 'text-to-speech',
    family: 'aura',
    description: 'Deepgram Aura-2: context-aware text to speech, English.',
    status: 'active',
    // Speaker enum of https://developers.cloudflare.com/workers-ai/models/aura-2-en/ (40 voices).
    voices: [
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
      'thalia',
      'theia',
      'vesta',
      'zeus',
    ],
    defaultVoice: 'luna',
    // $0.03 per 1,000 characters.
    prices: { kind: 'characters', perThousandCharacters: 2727.27 },
  },
  {
    id: '@cf/deepgram/aura-2-es',
    task: 'text-to-speech',
    family: 'aura',
    description: 'Deepgram Aura-2: context-aware text to speech, Spanish.',
    status: 'active',
    voices: [
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
    ],
    defaultVoice: 'sirio',
    prices: { kind: 'characters', perThousandCharacters: 2727.27 },
  },
];

const removedModels: readonly CatalogModel[] = [
  // Removed 2026-05-30 (changelog 2026-05-08-planned-model-deprecations).
  removed(
    '@cf/moonshotai/kimi-k2.5',
    'text-generation',
    'openai-chat',
    REMOVED_2026_05_30,
    '@cf/moonshotai/kimi-k2.6',
    'Kimi K2.5; Cloudflare aliases it to Kimi K2.6.',
  ),
  removedChat('@hf/meta-llama/meta-llama-3-8b-instruct', REMOVED_2026_05_30),
  removedChat('@cf/meta/llama-3-8b-instruct', REMOVED_2026_05_30),
  removedChat('@cf/meta/llama-3-8b-instruct-awq', REMOVED_2026_05_30),
  removedChat('@cf/meta/llama-3.1-8b-instruct', REMOVED_2026_05_30),
  removedChat('@cf/meta/llama-3.1-8b-instruct-awq', REMOVED_2026_05_30),
  removedChat(
    '@cf/meta/llama-3.1-70b-instruct',
    REMOVED_2026_05_30,
    '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
  ),
  removedChat('@cf/meta/llama-2-7b-chat-int8', REMOVED_2026_05_30),
  removedChat('@cf/meta/llama-2-7b-chat-fp16', REMOVED_2026_05_30),
  removedChat('@cf/mistral/mistral-7b-instruct-v0.1', REMOVED_2026_05_30),
  removedChat('@hf/mistral/mistral-7b-instruct-v0.2', REMOVED_2026_05_30),
  removedChat('@hf/google/gemma-7b-it', REMOVED_2026_05_30),
  // Gemma 3 12B had vision; Gemma 4 keeps vision and is Cloudflare's recommended replacement.
  removed(
    '@cf/google/gemma-3-12b-it',
    'text-generation',
    'openai-chat',
    REMOVED_2026_05_30,
    '@cf/google/gemma-4-26b-a4b-it',
    'Gemma 3 12B Instruct.',
  ),
  removedChat('@hf/nousresearch/hermes-2-pro-mistral-7b', REMOVED_2026_05_30),
  removedChat('@cf/microsoft/phi-2', REMOVED_2026_05_30),
  removedChat('@cf/defog/sqlcoder-7b-2', REMOVED_2026_05_30, DEFAULT_MODELS.code),
  // No image-to-text or summarization model is left on Workers AI: a vision chat model and the
  // default chat model are the closest same-purpose replacements.
  removed(
    '@cf/unum/uform-gen2-qwen-500m',
    'image-to-text',
    undefined,
    REMOVED_2026_05_30,
    '@cf/meta/llama-3.2-11b-vision-instruct',
    'UForm-Gen2: image captioning.',
  ),
  removed(
    '@cf/facebook/bart-large-cnn',
    'summarization',
    undefined,
    REMOVED_2026_05_30,
    DEFAULT_MODELS.chat,
    'BART large CNN: summarization.',
  ),

  // Removed 2025-10-01: the `@hf/thebloke/*` quantizations and other community models.
  removedChat('@hf/thebloke/zephyr-7b-beta-awq', REMOVED_2025_10_01),
  removedChat('@hf/thebloke/mistral-7b-instruct-v0.1-awq', REMOVED_2025_10_01),
  removedChat('@hf/thebloke/llama-2-13b-chat-awq', REMOVED_2025_10_01),
  removedChat('@hf/thebloke/openhermes-2.5-mistral-7b-awq', REMOVED_2025_10_01),
  removedChat('@hf/thebloke/neural-chat-7b-v3-1-awq', REMOVED_2025_10_01),
  removedChat('@hf/thebloke/llamaguard-7b-awq', REMOVED_2025_10_01, '@cf/meta/llama-guard-3-8b'),
  removedChat('@hf/thebloke/deepseek-coder-6.7b-base-awq', REMOVED_2025_10_01, DEFAULT_MODELS.code),
  removedChat('@hf/thebloke/deepseek-coder-6.7b-instruct-awq', REMOVED_2025_10_01, DEFAULT_MODELS.code),
  removedChat('@hf/thebloke/codellama-7b-instruct-awq', REMOVED_2025_10_01, DEFAULT_MODELS.code),
  removedChat('@cf/deepseek-ai/deepseek-math-7b-instruct', REMOVED_2025_10_01, DEFAULT_MODELS.reasoning),
  removedChat('@cf/openchat/openchat-3.5-0106', REMOVED_2025_10_01),
  removedChat('@cf/tiiuae/falcon-7b-instruct', REMOVED_2025_10_01),
  removedChat('@cf/thebloke/discolm-german-7b-v1-awq', REMOVED_2025_10_01),
  removedChat('@cf/qwen/qwen1.5-0.5b-chat', REMOVED_2025_10_01),
  removedChat('@cf/qwen/qwen1.5-1.8b-chat', REMOVED_2025_10_01),
  removedChat('@cf/qwen/qwen1.5-7b-chat-awq', REMOVED_2025_10_01),
  removedChat('@cf/qwen/qwen1.5-14b-chat-awq', REMOVED_2025_10_01),
  removedChat('@cf/tinyllama/tinyllama-1.1b-chat-v1.0', REMOVED_2025_10_01),
  removedChat('@hf/nexusflow/starling-lm-7b-beta', REMOVED_2025_10_01),
  removedChat('@cf/fblgit/una-cybertron-7b-v2-bf16', REMOVED_2025_10_01),

  // Named in the guide and gone from the catalog, removal date not published.
  removedChat('@cf/fblgit/una-cybertron-7b-v2-awq', undefined),
  removedChat('@cf/mistral/mistral-7b-instruct-v0.1-vllm', undefined),
  removed(
    '@cf/openai/whisper-sherpa',
    'automatic-speech-recognition',
    'whisper',
    undefined,
    DEFAULT_MODELS.transcription,
    'Whisper Sherpa variant.',
  ),
];

/**
 * Every model the gateways know: the active and beta Workers AI models they serve, and every
 * removed model an old setup (such as the community guide) may still name, each with its
 * replacement. Order is the order `GET /v1/models` lists them in.
 */
export const MODEL_CATALOG: readonly CatalogModel[] = [...active, ...removedModels];
