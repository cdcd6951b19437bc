import type { GlossaryEntry } from './glossary-types';

// Scripts written without spaces between words: a term there matches anywhere.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern matching any of `entries`' source terms in a text: longest terms first (so
 * "New York City" wins over "New York"), whole words only in scripts that space their words.
 * Undefined when there are no entries.
 */
export function findGlossaryTerms(entries: readonly GlossaryEntry[]): RegExp | undefined {
  if (entries.length === 0) return undefined;
  const alternatives = [...entries]
    .sort((first, second) => second.source.length - first.source.length)
    .map((entry) => {
      const pattern = escapeRegExp(entry.source);
      return UNSPACED.test(entry.source) ? pattern : `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`;
    });
  return new RegExp(alternatives.join('|'), 'gu');
}
