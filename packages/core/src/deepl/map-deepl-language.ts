import { LLM_ONLY_LANGUAGES } from './llm-only-languages';
import { M2M100_LANGUAGES } from './m2m100-languages';

/** A client's language code, mapped to what m2m100 understands. */
export interface MappedLanguage {
  /** m2m100's code, e.g. `zh`, `pt`, `no`. */
  model: string;
  /** The client asked for Traditional Chinese (`ZH-HANT`, `zh-TW`): the output needs converting. */
  traditional: boolean;
  /** A language only the translate gateway's LLM engine serves (`LLM_ONLY_LANGUAGES`). */
  llmOnly?: boolean;
}

const supported = new Set(M2M100_LANGUAGES);
const llmOnly = new Set(LLM_ONLY_LANGUAGES);

// Codes whose first subtag is not m2m100's: DeepL's `NB`, retired ISO codes some clients still
// send (`iw`, `in`, `ji`, Google's `jw`), and three-letter codes with a two-letter m2m100 twin.
const RENAMED: Record<string, string> = {
  nb: 'no',
  nn: 'no',
  jw: 'jv',
  fil: 'tl',
  iw: 'he',
  in: 'id',
  ji: 'yi',
  nso: 'ns',
  zho: 'zh',
  cmn: 'zh',
  eng: 'en',
};

// Regions whose Chinese is written in Traditional characters when no script subtag says otherwise.
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * Maps a DeepL code (`EN-US`, `ZH-HANS`, `ZH-HANT`, `PT-BR`, `NB`, any case), a BCP-47 tag
 * (`zh-CN`, `zh_TW`, `pt-BR`) or a plain lower-case code to m2m100's code, or to one of the
 * LLM engine's extra languages (`llmOnly`); undefined when neither has it. `auto` and the empty string are not languages: callers handle
 * them before mapping.
 */
export function mapDeeplLanguage(code: string): MappedLanguage | undefined {
  const subtags = code.trim().toLowerCase().replaceAll('_', '-').split('-');
  const [primary = '', ...rest] = subtags;
  const model = RENAMED[primary] ?? primary;
  if (llmOnly.has(model)) return { model, traditional: false, llmOnly: true };
  if (!supported.has(model)) return undefined;
  const traditional =
    model === 'zh' &&
    (rest.includes('hant') ||
      (!rest.includes('hans') && rest.some((subtag) => TRADITIONAL_REGIONS.has(subtag))));
  return { model, traditional };
}
