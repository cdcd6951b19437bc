import { DEFAULT_MODELS } from './default-models';

/**
 * Anthropic's model families mapped to Workers AI models (issue 12), so Claude Code and the
 * Anthropic SDKs work with the model names they send: Opus and Sonnet get the strongest free
 * tools-capable model, Haiku (Claude Code's "small, fast" model for titles and summaries) the
 * cheapest fast one. Any dated or versioned name (`claude-sonnet-4-5-20250929`,
 * `claude-3-5-haiku-latest`) belongs to its family through `claudeFamilyOf`; `MODEL_ALIASES` can
 * name an exact Claude name or a family key (`claude-sonnet`) to choose otherwise.
 */
export const ANTHROPIC_MODEL_ALIASES: Readonly<Record<string, string>> = {
  'claude-opus': DEFAULT_MODELS.strongestChat,
  'claude-sonnet': DEFAULT_MODELS.strongestChat,
  'claude-haiku': DEFAULT_MODELS.chat,
};

/** The family key (`claude-opus`, `claude-sonnet`, `claude-haiku`) of a Claude model name, if it is one. */
export function claudeFamilyOf(name: string): string | undefined {
  const lowerCase = name.toLowerCase();
  if (!lowerCase.startsWith('claude-')) return undefined;
  if (lowerCase.includes('haiku')) return 'claude-haiku';
  if (lowerCase.includes('opus')) return 'claude-opus';
  return 'claude-sonnet';
}
