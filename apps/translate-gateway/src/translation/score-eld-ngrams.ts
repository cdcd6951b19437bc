import { ELD_HIGH_BYTES, ELD_KEYS, ELD_LANGUAGES, ELD_SCORES } from './eld-ngrams';

// eld's scoring (Nito-ELD), run over the packed data of eld-ngrams.ts: every word's 4-byte
// windows of UTF-8 (stride 3, the first marked by a leading space, the last by a trailing one)
// add their per-language scores; each language's mean per n-gram is squashed to 0–1.
const BASE_SCORE = 53;
const SCALE = 25;
/** eld reads words until just past 350 bytes, and never past 380. */
const SOFT_BYTES = 350;
const HARD_BYTES = 380;
const LONGEST_WORD = 70;
const SEPARATORS = /[^\p{L}]+(?<!['`\u2019])/gu;

/**
 * The sorted keys and where each key's scores start, built at startup (~9 ms of CPU here) rather
 * than in the first request, which on the Free plan has only 10 ms.
 */
function load(): { keys: string[]; offsets: Uint32Array } {
  const keys = ELD_KEYS.split('\n');
  const offsets = new Uint32Array(keys.length);
  let position = 0;
  for (let index = 0; index < keys.length; index++) {
    offsets[index] = position;
    position += 1 + 2 * ELD_SCORES.charCodeAt(position);
  }
  return { keys, offsets };
}

const data = load();

function find(sorted: string[], key: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = sorted[middle] as string;
    if (candidate === key) return middle;
    if (candidate < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

const encoder = new TextEncoder();

/** The text's words in eld's byte encoding (ASCII as is, higher UTF-8 bytes as its chars), cut as eld cuts them. */
function byteWords(text: string): string[] {
  const bytes = encoder.encode(text.slice(0, 1000).replace(SEPARATORS, ' ').trim().toLowerCase());
  const words: string[] = [];
  let word = '';
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (byte === 0x20) {
      if (word) words.push(word);
      word = '';
      if (index > SOFT_BYTES) return words;
    } else word += byte < 0x80 ? String.fromCharCode(byte) : ELD_HIGH_BYTES[byte - 0x80];
    const next = bytes[index + 1];
    if (index + 1 > HARD_BYTES && (next === undefined || (next & 0xc0) !== 0x80)) break;
  }
  if (word) words.push(word);
  return words;
}

/**
 * eld's scores for a text, for the languages of eld-ngrams.ts, as [eld code, 0–1 score] best
 * first (languages without any matching n-gram are left out).
 */
export function scoreEldNgrams(text: string): Array<[string, number]> {
  const ngrams = new Set<string>();
  for (const word of byteWords(text)) {
    const length = Math.min(word.length, LONGEST_WORD);
    let start = 0;
    for (; start + 4 < length; start += 3)
      ngrams.add((start === 0 ? ' ' : '') + word.substring(start, start + 4));
    ngrams.add(`${start === 0 ? ' ' : ''}${word.substring(length !== 3 ? length - 4 : 0)} `);
  }
  const totals = new Float64Array(ELD_LANGUAGES.length);
  for (const ngram of ngrams) {
    const index = find(data.keys, ngram);
    if (index < 0) continue;
    let position = data.offsets[index] as number;
    const count = ELD_SCORES.charCodeAt(position++);
    for (let pair = 0; pair < count; pair++, position += 2) {
      const language = ELD_SCORES.charCodeAt(position);
      totals[language] = (totals[language] ?? 0) + ELD_SCORES.charCodeAt(position + 1) + BASE_SCORE;
    }
  }
  const scores: Array<[string, number]> = [];
  totals.forEach((total, language) => {
    if (total <= 0) return;
    const mean = total / ngrams.size;
    scores.push([ELD_LANGUAGES[language] as string, mean / (mean + SCALE)]);
  });
  return scores.sort((first, second) => second[1] - first[1]);
}
