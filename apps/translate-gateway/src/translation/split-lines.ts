import { splitSentences } from './split-sentences';
import type { TextPart } from './text-part';

/** Longest chunk sent to m2m100 (about 1,024 tokens of context; long inputs degrade first). */
export const MAX_SEGMENT_CHARACTERS = 400;

const LETTER = /\p{L}/u;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Whether `text` holds a letter (`\p{L}`). ASCII is read by code unit and the regular expression
 * runs only when a character outside ASCII comes before any ASCII letter: most lines of most
 * pages are ASCII, and a request may hold tens of thousands of them (issue 17).
 */
function hasLetter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return LETTER.test(text);
    // `| 0x20` folds A–Z onto a–z and nothing else of ASCII onto them.
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) return true;
  }
  return false;
}

/**
 * Splits plain text into parts so that newlines and blank lines survive exactly: each line is
 * translated on its own (m2m100 drops line breaks), its leading and trailing whitespace kept;
 * whitespace-only lines and lines without a letter (numbers, bullets, emoji) are kept verbatim;
 * long lines are cut at sentence boundaries. `markup` is passed on to the translated parts.
 * Lines end at CRLF, LF or CR, found by one scan over the code units.
 */
export function splitLines(text: string, markup = false): TextPart[] {
  const parts: TextPart[] = [];
  const keep = (value: string) => {
    if (value === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'keep') last.text += value;
    else parts.push({ kind: 'keep', text: value });
  };
  const addLine = (line: string) => {
    const core = line.trim();
    if (core === '' || !hasLetter(core)) {
      keep(line);
      return;
    }
    const leading = line.slice(0, line.indexOf(core));
    keep(leading);
    if (core.length <= MAX_SEGMENT_CHARACTERS) {
      // What splitSentences answers for a chunk this short: the line itself, which has a letter.
      parts.push({ kind: 'translate', text: core, markup });
    } else {
      for (const chunk of splitSentences(core, MAX_SEGMENT_CHARACTERS)) {
        if (hasLetter(chunk.text)) parts.push({ kind: 'translate', text: chunk.text, markup });
        else keep(chunk.text);
        keep(chunk.separator);
      }
    }
    keep(line.slice(leading.length + core.length));
  };
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== LINE_FEED && code !== CARRIAGE_RETURN) continue;
    addLine(text.slice(start, index));
    const end = code === CARRIAGE_RETURN && text.charCodeAt(index + 1) === LINE_FEED ? index + 2 : index + 1;
    keep(text.slice(index, end));
    start = end;
    index = end - 1;
  }
  addLine(text.slice(start));
  return parts;
}
