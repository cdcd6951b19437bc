import { DEFAULT_MODELS } from './default-models';

// The strongest chat models the Workers Free plan may use (pricing page 2026-08-28; kimi-k2.6 is
// Paid-only since 2026-07-28), best first, ending with the fast 8B that has the most headroom.
// gpt-oss-120b: the largest free model; llama-3.3-70b: the other large dense model (24k window);
// gemma-4-26b: 256k window, vision; glm-4.7-flash: fast MoE with tool calling.
const STRONG_CHAT_CHAIN = [
  DEFAULT_MODELS.strongestChat,
  '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
  '@cf/google/gemma-4-26b-a4b-it',
  '@cf/zai-org/glm-4.7-flash',
  DEFAULT_MODELS.chat,
] as const;

// Small, cheap, tools-capable models of about the default's price: the default, glm-4.7-flash
// (5500 / 36400 neurons per million tokens), gpt-oss-20b (18182 / 27273).
const FAST_CHAT_CHAIN = [DEFAULT_MODELS.chat, '@cf/zai-org/glm-4.7-flash', '@cf/openai/gpt-oss-20b'] as const;

// FLUX.1 schnell, then SDXL-Lightning (beta, unpriced: free while in beta), and back.
const IMAGE_CHAIN = [DEFAULT_MODELS.image, '@cf/bytedance/stable-diffusion-xl-lightning'] as const;

/**
 * The built-in fallback chains (issue 14): for each default alias, the models to try in turn when
 * the one it names is busy, rate-limited, failing, Paid-only or removed. `MODEL_FALLBACKS` replaces
 * a chain by naming the same key. Exact `@cf/...` IDs have no built-in chain: a client that names
 * a model gets that model or its error, unless the operator's chain names it.
 */
export const DEFAULT_FALLBACK_CHAINS: Readonly<Record<string, readonly string[]>> = {
  'gpt-4o': STRONG_CHAT_CHAIN,
  'gpt-4': STRONG_CHAT_CHAIN,
  'gpt-4.1': STRONG_CHAT_CHAIN,
  'gpt-4o-mini': FAST_CHAT_CHAIN,
  'gpt-3.5-turbo': FAST_CHAT_CHAIN,
  'gpt-4.1-mini': FAST_CHAT_CHAIN,
  // Claude names, by family (anthropic-model-aliases.ts).
  'claude-opus': STRONG_CHAT_CHAIN,
  'claude-sonnet': STRONG_CHAT_CHAIN,
  'claude-haiku': FAST_CHAT_CHAIN,
  'dall-e-3': IMAGE_CHAIN,
  'dall-e-2': [...IMAGE_CHAIN].reverse(),
};
