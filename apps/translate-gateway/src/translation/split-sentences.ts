// A sentence ends at terminal punctuation (plus closing quotes or brackets) followed by
// whitespace, or at a CJK full stop, which needs no space after it. Found by a linear scan
// (`sentenceEnds`): a regular expression for it backtracks quadratically on a long run of
// punctuation without a space after it (131,000 dots took a minute of CPU).
const TERMINAL = new Set(['.', '!', '?', '…']);
const TERMINAL_CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const CJK_TERMINAL = new Set(['。', '！', '？']);
const CJK_CLOSERS = new Set(['"', "'", '”', '’', '」', '』', '）', ')']);
const WHITESPACE = /\s/u;
const CLAUSE_BOUNDARY = /[,;:，、；：]\s*/gu;
const WORD_BOUNDARY = /\s+/gu;

/** Where each sentence of `text` ends (after its punctuation, closers and following spaces), in one pass. */
function* sentenceEnds(text: string): Generator<number> {
  let index = 0;
  while (index < text.length) {
    const character = text[index] ?? '';
    const cjk = CJK_TERMINAL.has(character);
    if (!cjk && !TERMINAL.has(character)) {
      index++;
      continue;
    }
    const terminals = cjk ? CJK_TERMINAL : TERMINAL;
    const closers = cjk ? CJK_CLOSERS : TERMINAL_CLOSERS;
    while (index < text.length && terminals.has(text[index] ?? '')) index++;
    while (index < text.length && closers.has(text[index] ?? '')) index++;
    const spaceStart = index;
    while (index < text.length && WHITESPACE.test(text[index] ?? '')) index++;
    // Western punctuation ends a sentence only before whitespace; CJK punctuation always does.
    if (cjk || index > spaceStart) yield index;
  }
}

function boundaryEnds(text: string, boundary: RegExp): Iterable<number> {
  return Array.from(text.matchAll(boundary), (match) => (match.index ?? 0) + match[0].length);
}

function splitAfter(text: string, ends: Iterable<number>): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const end of ends) {
    if (end > start && end < text.length) {
      pieces.push(text.slice(start, end));
      start = end;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Splits one piece that is still too long: at clauses, then words, then by code points. */
function breakDown(piece: string, maxLength: number, level: number): string[] {
  if (piece.length <= maxLength) return [piece];
  if (level === 0)
    return splitAfter(piece, boundaryEnds(piece, CLAUSE_BOUNDARY)).flatMap((part) =>
      breakDown(part, maxLength, 1),
    );
  if (level === 1)
    return splitAfter(piece, boundaryEnds(piece, WORD_BOUNDARY)).flatMap((part) =>
      breakDown(part, maxLength, 2),
    );
  // A run with no spaces at all (CJK without punctuation, a URL): cut between code points so
  // that no surrogate pair is broken.
  const characters = Array.from(piece);
  const chunks: string[] = [];
  for (let index = 0; index < characters.length; index += maxLength) {
    chunks.push(characters.slice(index, index + maxLength).join(''));
  }
  return chunks;
}

/**
 * Cuts a paragraph into chunks of at most `maxLength` characters for the model, at sentence
 * boundaries where it can (then clauses, words, code points), packing consecutive sentences
 * into one chunk while they fit. Returns the chunks with the whitespace between them, so that
 * `chunks.map(c => c.text + c.separator).join('')` is the paragraph again, exactly.
 */
export function splitSentences(
  paragraph: string,
  maxLength: number,
): Array<{ text: string; separator: string }> {
  if (paragraph.length <= maxLength) return [{ text: paragraph, separator: '' }];
  const pieces = splitAfter(paragraph, sentenceEnds(paragraph)).flatMap((sentence) =>
    breakDown(sentence, maxLength, 0),
  );
  const chunks: Array<{ text: string; separator: string }> = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && current.length + piece.length > maxLength) {
      chunks.push(withSeparator(current));
      current = '';
    }
    current += piece;
  }
  if (current !== '') chunks.push(withSeparator(current));
  return chunks;
}

function withSeparator(chunk: string): { text: string; separator: string } {
  const trimmed = chunk.trimEnd();
  return { text: trimmed, separator: chunk.slice(trimmed.length) };
}
