import type { MappedLanguage } from './map-deepl-language';
import { resolveDeeplLanguage } from './resolve-deepl-language';

/**
 * Reads a `source_lang`-style field: `auto`, an empty string, `null` or nothing mean "detect"
 * (undefined); anything else must be a language m2m100 has, or the request is a 400 naming it.
 */
export function parseLanguageField(
  value: string | null | undefined,
  param: string,
): MappedLanguage | undefined {
  const code = value?.trim() ?? '';
  if (code === '' || code.toLowerCase() === 'auto') return undefined;
  return resolveDeeplLanguage(code, param);
}
