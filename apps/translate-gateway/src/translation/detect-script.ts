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
const NOT_A_LETTER = 'not a letter';

// Code point → script (undefined: a letter of no listed script). Texts repeat few code points,
// and one test of up to 25 patterns per character made mixed-script inputs cost ~30 ms per
// 128 KiB (issue 11); bounded, so no input can grow it without limit.
const CLASSIFIED = new Map<number, Script | typeof NOT_A_LETTER | undefined>();
const CLASSIFIED_LIMIT = 65_536;

function classify(point: number): Script | typeof NOT_A_LETTER | undefined {
  if (CLASSIFIED.has(point)) return CLASSIFIED.get(point);
  const character = String.fromCodePoint(point);
  let script: Script | typeof NOT_A_LETTER | undefined = NOT_A_LETTER;
  if (LETTER.test(character)) {
    script = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(character))?.[0];
  }
  if (CLASSIFIED.size < CLASSIFIED_LIMIT) CLASSIFIED.set(point, script);
  return script;
}

/**
 * Counts the letters of each script in a text and returns the dominant one (undefined when the
 * text has no letters). Japanese mixes Han and Kana: any Kana makes Han letters count as Kana,
 * so a Japanese sentence with more Kanji than Kana is still Japanese.
 */
export function detectScript(text: string): { script: Script; letters: number } | undefined {
  // Created at the first letter outside ASCII: most texts have none, and a request may ask
  // about tens of thousands of short parts (issue 11).
  let counts: Map<Script, number> | undefined;
  let letters = 0;
  let ascii = 0;
  for (let index = 0; index < text.length; index++) {
    // ASCII first, by code unit and without a regular expression: most text of most pages is
    // ASCII, and a string per character plus 24 property tests made long inputs cost tens of
    // milliseconds (issue 11).
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        // Keeps Latin's place in the count's order, which breaks ties as before.
        if (counts !== undefined && !counts.has('latin')) counts.set('latin', 0);
        ascii++;
      }
      continue;
    }
    const point = text.codePointAt(index) ?? code;
    if (point > 0xffff) index++;
    const script = classify(point);
    if (script === NOT_A_LETTER) continue;
    letters++;
    if (script === undefined) continue;
    if (counts === undefined) {
      counts = new Map<Script, number>();
      if (ascii > 0) counts.set('latin', 0);
    }
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (counts === undefined) return ascii > 0 ? { script: 'latin', letters: letters + ascii } : undefined;
  if (ascii > 0) {
    letters += ascii;
    counts.set('latin', (counts.get('latin') ?? 0) + ascii);
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
