import { convertToTraditional } from './convert-to-traditional';
import type { PlannedText } from './plan-texts';

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
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/**
 * Puts each text back together from its kept parts and its segments' translations, escaping
 * translations that sit in markup and converting to Traditional Chinese when asked for.
 */
export function assembleTexts(plans: readonly PlannedText[], traditional: boolean): TranslatedText[] {
  return plans.map((plan) => {
    let text = '';
    for (const part of plan.parts) {
      if (part.kind === 'keep') {
        text += part.text;
        continue;
      }
      let translation = part.segment.translation ?? part.segment.text;
      if (traditional) translation = convertToTraditional(translation);
      text += part.markup ? escapeMarkup(translation) : translation;
    }
    return { text, source: plan.source, billedCharacters: plan.billedCharacters };
  });
}
