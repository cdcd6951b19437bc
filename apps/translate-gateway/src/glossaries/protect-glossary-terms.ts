import { findGlossaryTerms } from './find-glossary-terms';
import type { GlossaryEntry } from './glossary-types';

/** A text with its glossary terms replaced by placeholders, and how to put the target terms back. */
export interface ProtectedText {
  text: string;
  /** Replaces each placeholder in a translation by its entry's target term. */
  restore(translation: string): string;
  /** How many terms were replaced. */
  count: number;
}

// `[#1]`: digits in brackets pass through m2m100 as they are; spaces a model adds are tolerated.
const PLACEHOLDER = /\[\s*#\s*(\d+)\s*\]/g;

/**
 * Glossaries for m2m100, which takes no instructions: each source term found in `text` is
 * replaced by a numbered placeholder before the call, and the placeholder by the entry's target
 * term after it, so the target term appears in the translation exactly as the glossary says.
 */
export function protectGlossaryTerms(text: string, entries: readonly GlossaryEntry[]): ProtectedText {
  const pattern = findGlossaryTerms(entries);
  const bySource = new Map(entries.map((entry) => [entry.source, entry.target]));
  const targets: string[] = [];
  const protectedText = pattern
    ? text.replace(pattern, (source) => {
        targets.push(bySource.get(source) ?? source);
        return `[#${targets.length}]`;
      })
    : text;
  return {
    text: protectedText,
    count: targets.length,
    restore: (translation) =>
      targets.length === 0
        ? translation
        : translation.replace(
            PLACEHOLDER,
            (placeholder, number: string) => targets[Number(number) - 1] ?? placeholder,
          ),
  };
}
