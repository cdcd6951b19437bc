import { DEFAULT_MODELS } from './default-models';

/**
 * OpenAI model names mapped to Workers AI models (SPEC §4), so that clients hard-wired to OpenAI
 * names work unchanged. `MODEL_ALIASES` is merged over this table by `resolveModel`.
 *
 * - `text-embedding-3-large` → bge-m3 rather than bge-large: it is multilingual like OpenAI's
 *   model, takes 60k-token inputs instead of 512, and costs 1075 neurons per million tokens
 *   against bge-large's 18582.
 * - `tts-1-hd` → aura-2-en rather than aura-1: the newer, more natural Aura voice; `tts-1-hd` is
 *   OpenAI's quality tier, where the higher price (2727.27 vs 1363.64 neurons per 1,000
 *   characters) is what the client asked for.
 * - Chat targets are explained in `default-models.ts`.
 */
export const OPENAI_MODEL_ALIASES: Readonly<Record<string, string>> = {
  'gpt-4o-mini': DEFAULT_MODELS.chat,
  'gpt-3.5-turbo': DEFAULT_MODELS.chat,
  'gpt-4.1-mini': DEFAULT_MODELS.chat,
  'gpt-4o': DEFAULT_MODELS.strongestChat,
  'gpt-4': DEFAULT_MODELS.strongestChat,
  'gpt-4.1': DEFAULT_MODELS.strongestChat,
  'text-embedding-3-small': DEFAULT_MODELS.embeddings,
  'text-embedding-ada-002': DEFAULT_MODELS.embeddings,
  'text-embedding-3-large': '@cf/baai/bge-m3',
  'whisper-1': DEFAULT_MODELS.transcription,
  'tts-1': DEFAULT_MODELS.speech,
  'tts-1-hd': '@cf/deepgram/aura-2-en',
  'dall-e-2': '@cf/bytedance/stable-diffusion-xl-lightning',
  'dall-e-3': DEFAULT_MODELS.image,
};
