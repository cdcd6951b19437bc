import { splitSentences } from './split-sentences';
import type { TextPart } from './text-part';

/** Longest chunk sent to m2m100 (about 1,024 tokens of context; long inputs degrade first). */
export const MAX_SEGMENT_CHARACTERS = 400;

const LETTER = /\p{L}/u;

/**
 * Splits plain text into parts so that newlines and blank lines survive exactly: each line is
 * translated on its own (m2m100 drops line breaks), its leading and trailing whitespace kept;
 * whitespace-only lines and lines without a letter (numbers, bullets, emoji) are kept verbatim;
 * long lines are cut at sentence boundaries. `markup` is passed on to the translated parts.
 */
export function splitLines(text: string, markup = false): TextPart[] {
  const parts: TextPart[] = [];
  const keep = (value: string) => {
    if (value === '') return;
    const last = parts.at(-1);
    if (last?.kind === 'keep') last.text += value;
    else parts.push({ kind: 'keep', text: value });
  };
  for (const line of text.split(/(\r\n|\n|\r)/)) {
    const core = line.trim();
    if (core === '' || !LETTER.test(core)) {
      keep(line);
      continue;
    }
    const leading = line.slice(0, line.indexOf(core));
    keep(leading);
    for (const chunk of splitSentences(core, MAX_SEGMENT_CHARACTERS)) {
      if (LETTER.test(chunk.text)) parts.push({ kind: 'translate', text: chunk.text, markup });
      else keep(chunk.text);
      keep(chunk.separator);
    }
    keep(line.slice(leading.length + core.length));
  }
  return parts;
}
