import type { CatalogModel } from '../catalog-model';
import { DEFAULT_MODELS } from '../default-models';
import { REMOVED_2025_10_01, REMOVED_2026_05_30, removed, removedChat } from './catalog-builders';

/** Models Workers AI no longer serves, each with its replacement, so old setups still resolve. */
export const REMOVED_MODELS: readonly CatalogModel[] = [
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
