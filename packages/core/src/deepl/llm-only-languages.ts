/**
 * Languages DeepL lists that m2m100 lacks and instruction models such as Gemma 4 (trained on 140+
 * languages) translate: the translate gateway serves them with its LLM engine only. Lower-case
 * ISO 639 codes, as `formatDeeplLanguage` upper-cases them for DeepL clients.
 */
export const LLM_ONLY_LANGUAGES: readonly string[] = [
  'ckb', // Central Kurdish (Sorani)
  'eo', // Esperanto
  'eu', // Basque
  'ky', // Kyrgyz
  'la', // Latin
  'mi', // Maori
  'mt', // Maltese
  'qu', // Quechua
  'te', // Telugu
  'tg', // Tajik
  'tk', // Turkmen
  'tt', // Tatar
  'yue', // Cantonese
];
