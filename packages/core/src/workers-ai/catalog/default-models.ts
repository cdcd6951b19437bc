/**
 * The model each kind of request falls back to, and the targets of the OpenAI aliases.
 *
 * - `chat`: `@cf/meta/llama-3.1-8b-instruct-fast` — the cheapest active tools-capable chat
 *   model (4119 / 34868 neurons per million input / output tokens, about six times cheaper than
 *   llama-3.3-70b), 128k context, no forced reasoning tokens, and explicitly kept active by the
 *   2026-05-30 deprecation round that removed the other Llama 3.x 8B variants
 *   (https://developers.cloudflare.com/changelog/post/2026-05-08-planned-model-deprecations/).
 * - `strongestChat`: `@cf/openai/gpt-oss-120b` — the largest model the Workers Free plan may use
 *   (kimi-k2.6 is paid-only since 2026-07-28), with tools, JSON mode, reasoning and a 128k context,
 *   and cheaper output (68182 neurons per million) than llama-3.3-70b (204805). It has no vision;
 *   users who need it can alias `gpt-4o` to `@cf/google/gemma-4-26b-a4b-it` in MODEL_ALIASES.
 */
export const DEFAULT_MODELS = {
  chat: '@cf/meta/llama-3.1-8b-instruct-fast',
  strongestChat: '@cf/openai/gpt-oss-120b',
  embeddings: '@cf/baai/bge-base-en-v1.5',
  transcription: '@cf/openai/whisper-large-v3-turbo',
  speech: '@cf/myshell-ai/melotts',
  image: '@cf/black-forest-labs/flux-1-schnell',
  translation: '@cf/meta/m2m100-1.2b',
  reasoning: '@cf/deepseek-ai/deepseek-r1-distill-qwen-32b',
  code: '@cf/qwen/qwen2.5-coder-32b-instruct',
} as const;
