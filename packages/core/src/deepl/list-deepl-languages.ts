import { formatDeeplLanguage } from './format-deepl-language';
import { LLM_ONLY_LANGUAGES } from './llm-only-languages';
import { M2M100_LANGUAGES } from './m2m100-languages';

/** One entry of DeepL's `GET /v2/languages` answer. */
export interface DeeplLanguageEntry {
  language: string;
  name: string;
  /** Only on target languages; m2m100 has no formality control, so always false. */
  supports_formality?: boolean;
}

// Intl.DisplayNames knows these codes under other names.
const NAME_OVERRIDES: Record<string, string> = {
  ns: 'Northern Sotho',
  no: 'Norwegian (Bokmål)',
  ckb: 'Kurdish (Sorani)',
};

// DeepL lists these targets by variant rather than bare; the bare codes are still accepted.
const TARGET_VARIANTS: Record<string, Array<[string, string]>> = {
  en: [
    ['EN-GB', 'English (British)'],
    ['EN-US', 'English (American)'],
  ],
  pt: [
    ['PT-BR', 'Portuguese (Brazilian)'],
    ['PT-PT', 'Portuguese (European)'],
  ],
  zh: [
    ['ZH', 'Chinese (simplified)'],
    ['ZH-HANS', 'Chinese (simplified)'],
    ['ZH-HANT', 'Chinese (traditional)'],
  ],
};

let names: Intl.DisplayNames | undefined;

function languageName(code: string): string {
  const override = NAME_OVERRIDES[code];
  if (override) return override;
  names ??= new Intl.DisplayNames(['en'], { type: 'language' });
  return names.of(code) ?? code;
}

/**
 * The languages of DeepL's `GET /v2/languages?type=source|target`, restricted to what m2m100
 * translates, plus `LLM_ONLY_LANGUAGES` with `llm` (the gateway's LLM engine is the default).
 * Targets carry `supports_formality: false` and DeepL's variants (`EN-US`,
 * `PT-BR`, `ZH-HANT`, ...), which `deepl-node`'s `getTargetLanguages` returns to its callers.
 */
export function listDeeplLanguages(
  type: 'source' | 'target',
  options: { llm?: boolean } = {},
): DeeplLanguageEntry[] {
  const entries: DeeplLanguageEntry[] = [];
  const codes = options.llm ? [...M2M100_LANGUAGES, ...LLM_ONLY_LANGUAGES] : M2M100_LANGUAGES;
  for (const code of codes) {
    const variants = type === 'target' ? TARGET_VARIANTS[code] : undefined;
    if (variants) {
      for (const [language, name] of variants) entries.push({ language, name, supports_formality: false });
      continue;
    }
    const entry: DeeplLanguageEntry = { language: formatDeeplLanguage(code), name: languageName(code) };
    if (type === 'target') entry.supports_formality = false;
    entries.push(entry);
  }
  return entries;
}
