import { convertToTraditional } from './convert-to-traditional';
import type { PlannedText, Segment } from './plan-texts';

/** One translated text. */
export interface TranslatedText {
  text: string;
  /** The source language used (detected or given), as an m2m100 code. */
  source: string;
  /** Characters DeepL would bill for the text. */
  billedCharacters: number;
}

function escapeMarkup(text: string): string {
  // Only what text content must escape: a raw `>` in the source stays raw.
  if (!text.includes('&') && !text.includes('<')) return text;
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/**
 * Puts each text back together from its kept parts and its segments' translations, escaping
 * translations that sit in markup and converting to Traditional Chinese when asked for. Each
 * segment's output is made once, however many parts share it (a page's repeated lines).
 */
export function assembleTexts(plans: readonly PlannedText[], traditional: boolean): TranslatedText[] {
  // By segment, for parts in markup and parts in plain text.
  const outputs = { markup: new Map<Segment, string>(), plain: new Map<Segment, string>() };
  const outputOf = (segment: Segment, markup: boolean): string => {
    const made = markup ? outputs.markup : outputs.plain;
    let output = made.get(segment);
    if (output === undefined) {
      output = segment.translation ?? segment.text;
      if (traditional) output = convertToTraditional(output);
      if (markup) output = escapeMarkup(output);
      made.set(segment, output);
    }
    return output;
  };
  return plans.map((plan) => {
    let text = '';
    for (const part of plan.parts) {
      text += part.kind === 'keep' ? part.text : outputOf(part.segment, part.markup);
    }
    return { text, source: plan.source, billedCharacters: plan.billedCharacters };
  });
}
