/**
 * Types of the Workers AI model catalog. The data lives in `model-catalog.ts`; this file only
 * describes its shape so that mappers, the ledger and the simulator can share it.
 */

/**
 * What a model does. Tasks past `text-to-speech` only appear on removed models, kept so that an
 * old setup naming them gets a clear remap instead of an opaque upstream 410.
 */
export type Task =
  | 'text-generation'
  | 'text-embeddings'
  | 'automatic-speech-recognition'
  | 'translation'
  | 'text-to-image'
  | 'text-to-speech'
  | 'summarization'
  | 'image-to-text';

/**
 * The input/output schema a model speaks, which decides how a gateway builds the upstream
 * request and parses the answer.
 *
 * - `legacy-chat`: `{prompt | messages, max_tokens, ...}` → `{response, tool_calls, usage}`.
 * - `openai-chat`: OpenAI Chat Completions in and `chat.completion` objects out (vLLM-served).
 * - `bge`: `{text, pooling?}` → `{shape, data, pooling}`; `embedding`: `{text}` without pooling.
 * - `whisper`: raw audio bytes (REST) or `{audio: number[]}`; `whisper-large-v3-turbo`: base64
 *   `audio` plus `task`/`language`; `nova`: Deepgram `{audio: {body, contentType}}`.
 * - `stable-diffusion`: PNG bytes back; `flux-1`: `{image: base64 JPEG}`; `leonardo`:
 *   `{image: base64}`; `flux-2`: multipart input.
 * - `melotts`: `{prompt, lang}` → `{audio: base64}`; `aura`: Deepgram speakers, MP3 bytes back.
 * - `m2m100`: `{text, source_lang, target_lang}` → `{translated_text}`.
 */
export type ModelFamily =
  | 'legacy-chat'
  | 'openai-chat'
  | 'bge'
  | 'embedding'
  | 'whisper'
  | 'whisper-large-v3-turbo'
  | 'nova'
  | 'stable-diffusion'
  | 'flux-1'
  | 'leonardo'
  | 'flux-2'
  | 'melotts'
  | 'aura'
  | 'm2m100';

/**
 * Lifecycle of a model on Workers AI. `deprecated` still answers (a removal date is announced);
 * `removed` answers 410 / code 5028 and is remapped to `replacement` by `resolveModel`.
 */
export type ModelStatus = 'active' | 'beta' | 'deprecated' | 'removed';

/** What a text-generation model can do beyond plain chat. */
export interface ModelCapabilities {
  /** Accepts `tools` and answers with tool calls. */
  readonly tools: boolean;
  /** Accepts `response_format` (`json_object` / `json_schema`). */
  readonly jsonMode: boolean;
  /** Accepts image content parts. */
  readonly vision: boolean;
  /** Produces separate reasoning (thinking) output. */
  readonly reasoning: boolean;
}

/** Size, step and guidance limits of a text-to-image model, as its input schema states them. */
export interface ImageLimits {
  readonly minWidth: number;
  readonly maxWidth: number;
  readonly minHeight: number;
  readonly maxHeight: number;
  /** Size used when the client does not ask for one. */
  readonly defaultWidth: number;
  readonly defaultHeight: number;
  /** Largest `num_steps` / `steps` the model accepts. */
  readonly maxSteps: number;
  /** Steps used when the client does not ask; undefined when the upstream default is undocumented. */
  readonly defaultSteps: number | undefined;
  /** `[minimum, maximum, default]` of `guidance`, or undefined when the model has no guidance. */
  readonly guidance: readonly [minimum: number, maximum: number, fallback: number] | undefined;
  /** Accepts an input image (`image` / `image_b64`) with `strength`. */
  readonly img2img: boolean;
  /** Accepts a `mask` for inpainting. */
  readonly inpainting: boolean;
}

/**
 * Published neuron prices (neurons, not dollars: $0.011 buys 1,000 neurons).
 * `image-tile` counts 512×512 tiles of the output once plus every step; `image-tile-step`
 * (FLUX.2) charges each tile on every step.
 */
export type ModelPrices =
  | {
      readonly kind: 'tokens';
      readonly inputPerMillion: number;
      readonly outputPerMillion: number;
      /** Rate for prompt tokens served from the prefix cache, when the model publishes one. */
      readonly cachedInputPerMillion?: number;
    }
  | { readonly kind: 'audio-minute'; readonly perAudioMinute: number }
  | { readonly kind: 'image-tile'; readonly perTile: number; readonly perStep: number }
  | {
      readonly kind: 'image-tile-step';
      readonly perOutputTileStep: number;
      readonly perInputTileStep: number;
    }
  | { readonly kind: 'characters'; readonly perThousandCharacters: number }
  | { readonly kind: 'free'; readonly reason: string };

/** One model the gateways know. */
export interface CatalogModel {
  /** Workers AI model ID, e.g. `@cf/meta/llama-3.1-8b-instruct-fast`. */
  readonly id: string;
  readonly task: Task;
  /** Schema family; undefined only for removed models of tasks no gateway serves. */
  readonly family: ModelFamily | undefined;
  readonly description: string;
  readonly status: ModelStatus;
  /** ISO date the removal was announced for, when known. */
  readonly deprecatedOn?: string;
  /** ISO date the model stopped answering, when known. */
  readonly removedOn?: string;
  /** Model that takes over once this one is removed (same task where one exists). */
  readonly replacement?: string;
  /** Answers 403 / 5035 on the Workers Free plan. */
  readonly paidOnly?: boolean;
  /** Prompt plus completion tokens the model accepts. */
  readonly contextWindow?: number;
  /** `max_tokens` the upstream applies when the client sends none. */
  readonly defaultMaxTokens?: number;
  /** Largest completion the gateway lets a client ask for. */
  readonly maxOutputTokens?: number;
  readonly capabilities?: ModelCapabilities;
  /** Length of each embedding vector. */
  readonly embeddingDimensions?: number;
  /** Most inputs one embeddings call accepts. */
  readonly maxBatch?: number;
  readonly image?: ImageLimits;
  /** Text-to-speech voices (`speaker` for aura, `lang` for melotts) and the default one. */
  readonly voices?: readonly string[];
  readonly defaultVoice?: string;
  /** Undefined when Cloudflare publishes no price: `estimateNeurons` then assumes a conservative one. */
  readonly prices?: ModelPrices;
}

/** What one call consumed, in the unit its model is priced in. */
export type ModelUsage =
  | {
      readonly inputTokens: number;
      readonly outputTokens: number;
      /** Part of `inputTokens` served from the prefix cache (OpenAI's `cached_tokens`). */
      readonly cachedTokens?: number;
    }
  | { readonly audioSeconds: number }
  | { readonly width: number; readonly height: number; readonly steps: number; readonly images?: number }
  | { readonly characters: number };
