/** A writing system the detector tells apart by Unicode ranges alone. */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'georgian'
  | 'hebrew'
  | 'arabic'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'oriya'
  | 'tamil'
  | 'kannada'
  | 'malayalam'
  | 'sinhala'
  | 'thai'
  | 'lao'
  | 'myanmar'
  | 'khmer'
  | 'ethiopic'
  | 'hangul'
  | 'kana'
  | 'han';

// Unicode script property escapes keep this table short; workerd's V8 supports them.
const SCRIPT_PATTERNS: Array<[Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['gurmukhi', /\p{Script=Gurmukhi}/u],
  ['gujarati', /\p{Script=Gujarati}/u],
  ['oriya', /\p{Script=Oriya}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['kannada', /\p{Script=Kannada}/u],
  ['malayalam', /\p{Script=Malayalam}/u],
  ['sinhala', /\p{Script=Sinhala}/u],
  ['lao', /\p{Script=Lao}/u],
  ['myanmar', /\p{Script=Myanmar}/u],
  ['khmer', /\p{Script=Khmer}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
];

const LETTER = /\p{L}/u;

/**
 * Counts the letters of each script in a text and returns the dominant one (undefined when the
 * text has no letters). Japanese mixes Han and Kana: any Kana makes Han letters count as Kana,
 * so a Japanese sentence with more Kanji than Kana is still Japanese.
 */
export function detectScript(text: string): { script: Script; letters: number } | undefined {
  const counts = new Map<Script, number>();
  let letters = 0;
  for (const character of text) {
    if (!LETTER.test(character)) continue;
    letters++;
    for (const [script, pattern] of SCRIPT_PATTERNS) {
      if (pattern.test(character)) {
        counts.set(script, (counts.get(script) ?? 0) + 1);
        break;
      }
    }
  }
  const kana = counts.get('kana') ?? 0;
  if (kana > 0) {
    counts.set('kana', kana + (counts.get('han') ?? 0));
    counts.delete('han');
  }
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best === undefined ? undefined : { script: best, letters };
}
