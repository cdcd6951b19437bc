/** One glossary's description, as DeepL's v2 API answers it. */
export interface GlossaryInfo {
  glossary_id: string;
  name: string;
  ready: true;
  /** Lower-case language codes, as DeepL answers them. */
  source_lang: string;
  target_lang: string;
  creation_time: string;
  entry_count: number;
}

/** One source term and its required translation. */
export interface GlossaryEntry {
  source: string;
  target: string;
}

/** A glossary with its entries, as the translation engines apply it. */
export interface Glossary {
  info: GlossaryInfo;
  entries: GlossaryEntry[];
}

/** A v3 (multilingual) glossary's description, as DeepL's v3 API answers it. */
export interface MultilingualGlossaryInfo {
  glossary_id: string;
  name: string;
  creation_time: string;
  dictionaries: Array<{ source_lang: string; target_lang: string; entry_count: number }>;
}

/** One language pair's entries of a v3 glossary. */
export interface MultilingualDictionary {
  source_lang: string;
  target_lang: string;
  entries: GlossaryEntry[];
}
