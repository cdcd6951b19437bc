/**
 * Renders an m2m100 code the way DeepL reports a language: upper case, with DeepL's `NB` for
 * Norwegian. DeepL clients (`deepl-node`) reject an empty `detected_source_language`, so this
 * always returns a non-empty code.
 */
export function formatDeeplLanguage(model: string): string {
  if (model === 'no') return 'NB';
  return (model || 'en').toUpperCase();
}
