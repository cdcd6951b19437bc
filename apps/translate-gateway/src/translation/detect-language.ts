import { detect as detectLatin } from 'tinyld/light';
import { detectScript, type Script } from './detect-script';

// Scripts that name a language outright (for m2m100's 100 languages).
const SCRIPT_LANGUAGES: Partial<Record<Script, string>> = {
  han: 'zh',
  kana: 'ja',
  hangul: 'ko',
  greek: 'el',
  armenian: 'hy',
  georgian: 'ka',
  thai: 'th',
  lao: 'lo',
  myanmar: 'my',
  khmer: 'km',
  ethiopic: 'am',
  bengali: 'bn',
  gurmukhi: 'pa',
  gujarati: 'gu',
  oriya: 'or',
  tamil: 'ta',
  kannada: 'kn',
  malayalam: 'ml',
  sinhala: 'si',
  // Marathi and Nepali share Devanagari; Hindi is by far the most common.
  devanagari: 'hi',
};

// Letters only one language (of m2m100's) uses, checked in order. tinyld's light build knows 24
// languages; these rules cover common ones it does not (Vietnamese, Czech, Ukrainian, ...).
const LETTER_RULES: Record<'latin' | 'cyrillic' | 'arabic' | 'hebrew', Array<[string, RegExp]>> = {
  latin: [
    ['vi', /[ơưđĐƠƯ\u1EA0-\u1EF9]/u],
    ['az', /[əƏ]/u],
    ['tr', /[ıİğĞ]/u],
    ['cs', /[řŘěĚůŮ]/u],
    ['sk', /[ľĽĺĹŕŔ]/u],
    ['lt', /[ėĖįĮųŲ]/u],
    ['lv', /[āĀēĒīĪķĶļĻņŅģĢ]/u],
    ['pl', /[łŁśŚźŹżŻńŃ]/u],
    ['ro', /[șȘțȚ]/u],
    ['hu', /[őŐűŰ]/u],
    ['is', /[ðÐþÞ]/u],
    ['hr', /[ćĆ]/u],
  ],
  cyrillic: [
    ['uk', /[іІїЇєЄґҐ]/u],
    ['be', /[ўЎ]/u],
    ['kk', /[әӘғҒқҚңҢұҰһҺ]/u],
    ['mn', /[өӨүҮ]/u],
    ['mk', /[ѓЃќЌѕЅ]/u],
    ['sr', /[ђЂћЋџЏљЉњЊјЈ]/u],
  ],
  // Urdu before Persian: Urdu also writes Persian's extra letters.
  arabic: [
    ['ur', /[ٹڈڑںےۓ]/u],
    ['ps', /[ټډړږښګڼ]/u],
    ['fa', /[پچژگکی]/u],
  ],
  hebrew: [['yi', /[װױײ\u05B7\u05B8]/u]],
};

// Indonesian has no letters of its own and tinyld's light build does not know it; two distinct
// very common function words are a strong sign (none is a word in tinyld's 24 languages).
const INDONESIAN_WORDS = new Set([
  'yang',
  'dan',
  'untuk',
  'dengan',
  'ini',
  'itu',
  'tidak',
  'adalah',
  'akan',
  'sudah',
  'belum',
  'saya',
  'kami',
  'kita',
  'anda',
  'mereka',
  'juga',
  'atau',
  'karena',
  'dari',
  'di',
  'ke',
  'pada',
  'bisa',
  'lebih',
  'sangat',
  'apakah',
  'silakan',
  'terima',
  'kasih',
]);

function isIndonesian(text: string): boolean {
  const found = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (INDONESIAN_WORDS.has(word)) found.add(word);
    if (found.size >= 2) return true;
  }
  return false;
}

function byLetters(rules: Array<[string, RegExp]>, text: string): string | undefined {
  for (const [language, pattern] of rules) if (pattern.test(text)) return language;
  return undefined;
}

// Bulgarian uses no ы/э/ё and writes ъ inside words; Russian rarely does.
function cyrillicFallback(text: string): string {
  if (!/[ыЫэЭёЁ]/u.test(text) && /[\p{L}]ъ[\p{L}]/u.test(text)) return 'bg';
  return 'ru';
}

/** Fewer Latin letters than this and, without a telling letter, the text is taken as English. */
const MIN_LATIN_LETTERS = 10;

/** Longest text passed to the n-gram library: detection accuracy stops improving well before. */
const SAMPLE_CHARACTERS = 2000;

/**
 * Detects the language of a text as an m2m100 code, inside the Worker: the dominant script
 * first (Han, Kana, Hangul, Cyrillic, Arabic, ...), letters unique to one language next, and
 * for Latin text without such letters tinyld's light n-gram model (24 languages, ~34 KiB gzip).
 * Falls back to `en`, which is also what m2m100 assumes for an unset source.
 */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARACTERS ? text.slice(0, SAMPLE_CHARACTERS) : text;
  const script = detectScript(sample);
  if (!script) return 'en';
  const direct = SCRIPT_LANGUAGES[script.script];
  if (direct) return direct;
  switch (script.script) {
    case 'cyrillic':
      return byLetters(LETTER_RULES.cyrillic, sample) ?? cyrillicFallback(sample);
    case 'arabic':
      return byLetters(LETTER_RULES.arabic, sample) ?? 'ar';
    case 'hebrew':
      return byLetters(LETTER_RULES.hebrew, sample) ?? 'he';
    default: {
      const byLetter = byLetters(LETTER_RULES.latin, sample);
      if (byLetter) return byLetter;
      if (isIndonesian(sample)) return 'id';
      // A word or two ("Settings", "Log out") is too little for n-grams; most such strings on the web are English.
      if (script.letters < MIN_LATIN_LETTERS) return 'en';
      // Only the Latin-script part: tinyld would otherwise be swayed by quoted Cyrillic or Han.
      return detectLatin(sample.replace(/[^\p{Script=Latin}\s\p{P}]+/gu, ' ')) || 'en';
    }
  }
}
