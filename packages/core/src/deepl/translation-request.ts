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
}
