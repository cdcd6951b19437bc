import type { MappedLanguage } from './map-deepl-language';

/**
 * One translation request, whichever protocol it came in (DeepLX, DeepL v2, Immersive's
 * Custom API): the texts in order, the languages already mapped to m2m100's codes, and the
 * markup handling asked for.
 */
export interface TranslationRequest {
  texts: string[];
  /** Undefined when the client sent `auto`, an empty string or nothing: detect it. */
  source: MappedLanguage | undefined;
  target: MappedLanguage;
  /** The target code as the client sent it, for protocols that echo it back. */
  targetCode: string;
  tagHandling: 'html' | 'xml' | undefined;
  /** Elements whose content is kept untranslated (DeepL's `ignore_tags`), lower case. */
  ignoreTags: string[];
  /** DeepL's `show_billed_characters`. */
  showBilledCharacters: boolean;
  /**
   * The engine the client asked for (DeepL's `model_type`, DeepLX's `engine`): `llm`, `m2m100`,
   * or `prefer-llm` (the LLM where it serves the pair). Undefined: the gateway's `TRANSLATE_ENGINE`.
   */
  engine?: 'm2m100' | 'llm' | 'prefer-llm';
  /** DeepL's `model_type` as sent, so the answer can carry `model_type_used`. */
  modelType?: 'quality_optimized' | 'latency_optimized' | 'prefer_quality_optimized';
  /** DeepL's `formality`; undefined is `default`. */
  formality?: Formality;
  /** DeepL's `context`: text that informs the translation and is never translated itself. */
  context?: string;
  /** DeepL's `glossary_id`. */
  glossaryId?: string;
}

/** DeepL's `formality` values. */
export type Formality = 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';
