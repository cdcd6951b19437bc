import { detectScript, type Script } from './detect-script';
import { scoreEldNgrams } from './score-eld-ngrams';

/** What the caller knows beyond the text itself; both are m2m100 codes. */
export interface DetectionHints {
  /**
   * The language of the text around this one (the request's other texts, the page). A short,
   * ambiguous text takes it when it is among the text's own plausible languages.
   */
  context?: string | undefined;
  /**
   * The target language: a text detected as it comes back untranslated, so when the text is
   * ambiguous the most likely other language is preferred.
   */
  target?: string | undefined;
}

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

// Letters only one language (of m2m100's) uses, for scripts eld covers thinly or not at all.
const LETTER_RULES: Record<'cyrillic' | 'arabic' | 'hebrew', Array<[string, RegExp]>> = {
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

/**
 * The languages eld's n-grams choose between, per script, as m2m100 codes. eld knows Malay but
 * not Indonesian; the two share most words and Indonesian is far more common (and a DeepL
 * language), so eld's `ms` is read as `id`.
 */
const LATIN_LANGUAGES =
  'cs da de en es et fi fr hu it lt lv ms nl no pl pt ro sk sl sv tr vi ca hr is sq az tl yo';
const CYRILLIC_LANGUAGES = 'ru bg uk sr be';
const FROM_ELD: Record<string, string> = { ms: 'id' };

/**
 * Weights on eld's scores: DeepL's source languages at 1, the other m2m100 languages eld knows
 * lower, so a short text that fits Catalan and Spanish equally is Spanish. Chosen on the tuning
 * sample (test/__fixtures__/detection-tuning.json), never on the held-out one.
 */
const OTHER_LANGUAGE_WEIGHT = 0.9;
const DEEPL_LANGUAGES = new Set(
  'ar bg cs da de el en es et fi fr he hu id it ja ko lt lv no nl pl pt ro ru sk sl sv th tr uk vi zh'.split(
    ' ',
  ),
);

/** Fewer letters than this and a text is short: it leans on its context when that is close. */
const SHORT_TEXT_LETTERS = 16;
/**
 * How far below the best score (eld's 0–1 scale) the context's score may be for a short text to
 * take it. Chosen on the tuning sample with the right and with a wrong context (see the test).
 */
const CONTEXT_MARGIN = 0.08;
/** How close the runner-up must be for a text detected as the target to take it instead. */
const TARGET_MARGIN = 0.02;

const LATIN = new Set(LATIN_LANGUAGES.split(' '));
const CYRILLIC = new Set(CYRILLIC_LANGUAGES.split(' '));

/** eld's candidates for a text, best first, as m2m100 codes with weighted scores. */
function rankWithEld(languages: ReadonlySet<string>, text: string): Array<[string, number]> {
  const ranking = new Map<string, number>();
  for (const [code, score] of scoreEldNgrams(text)) {
    if (!languages.has(code)) continue;
    const language = FROM_ELD[code] ?? code;
    const weighted = score * (DEEPL_LANGUAGES.has(language) ? 1 : OTHER_LANGUAGE_WEIGHT);
    ranking.set(language, Math.max(ranking.get(language) ?? 0, weighted));
  }
  return [...ranking].sort((first, second) => second[1] - first[1]);
}

/** Picks from a ranking: the context for a short text when close, anything but the target when close. */
function choose(
  ranking: Array<[string, number]>,
  letters: number,
  hints: DetectionHints,
): string | undefined {
  const [best, bestScore] = ranking[0] ?? [];
  if (best === undefined || bestScore === undefined) return undefined;
  const { context, target } = hints;
  if (letters < SHORT_TEXT_LETTERS && context !== undefined && context !== target) {
    const contextScore = ranking.find(([language]) => language === context)?.[1];
    if (contextScore !== undefined && bestScore - contextScore <= CONTEXT_MARGIN) return context;
  }
  const runnerUp = ranking[1];
  if (best === target && runnerUp && bestScore - runnerUp[1] <= TARGET_MARGIN) return runnerUp[0];
  return best;
}

/**
 * Bulgarian has no ы or э, which most Russian sentences have: with either, Bulgarian is out.
 * (A missing ъ was tried as a sign against Bulgarian too; it cost Bulgarian sentences on the
 * tuning sample, so it is not used.)
 */
function weighBulgarian(ranking: Array<[string, number]>, text: string): Array<[string, number]> {
  return /[ыэЫЭ]/u.test(text) ? ranking.filter(([language]) => language !== 'bg') : ranking;
}

function byLetters(rules: Array<[string, RegExp]>, text: string): string | undefined {
  for (const [language, pattern] of rules) if (pattern.test(text)) return language;
  return undefined;
}

/** Longest text looked at: eld itself reads only the first ~350 bytes of words. */
const SAMPLE_CHARACTERS = 1000;

/**
 * Detects the language of a text as an m2m100 code, inside the Worker: the dominant script first
 * (Han, Kana, Hangul, Greek, Thai, Hebrew, ...), letters unique to one language of the script
 * next, and for Latin and Cyrillic text eld's medium n-grams (packed in eld-ngrams.ts, ~0.42 MiB gzip) over the
 * languages of that script. `hints` carries the surrounding text's language and the target
 * (see {@link DetectionHints}). Falls back to the context, then `en`.
 */
export function detectLanguage(text: string, hints: DetectionHints = {}): string {
  const sample = text.length > SAMPLE_CHARACTERS ? text.slice(0, SAMPLE_CHARACTERS) : text;
  const script = detectScript(sample);
  if (!script) return hints.context ?? 'en';
  // Kanji-only text inside a Japanese page is Japanese.
  if (script.script === 'han' && hints.context === 'ja') return 'ja';
  const direct = SCRIPT_LANGUAGES[script.script];
  if (direct) return direct;
  switch (script.script) {
    case 'arabic':
      return byLetters(LETTER_RULES.arabic, sample) ?? 'ar';
    case 'hebrew':
      return byLetters(LETTER_RULES.hebrew, sample) ?? 'he';
    case 'cyrillic': {
      const byLetter = byLetters(LETTER_RULES.cyrillic, sample);
      if (byLetter && byLetter !== 'uk' && byLetter !== 'be' && byLetter !== 'sr') return byLetter;
      const ranking = weighBulgarian(rankWithEld(CYRILLIC, sample), sample);
      return choose(ranking, script.letters, hints) ?? byLetter ?? 'ru';
    }
    default: {
      // Only the Latin-script part: quoted Cyrillic or Han would otherwise sway the n-grams.
      const latin = sample.replace(/[^\p{Script=Latin}\s\p{P}]+/gu, ' ');
      return choose(rankWithEld(LATIN, latin), script.letters, hints) ?? hints.context ?? 'en';
    }
  }
}
