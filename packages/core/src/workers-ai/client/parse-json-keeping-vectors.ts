/**
 * A numeric array kept as the JSON text `JSON.stringify` would print for it, so that a caller
 * that only forwards the numbers (embeddings, `encoding_format: "float"`) splices the text into
 * its answer instead of parsing and re-printing every number.
 */
export class JsonVectorText {
  /**
   * @param text the array as `JSON.stringify` prints it, e.g. `[0.5,-0.25,1]`;
   * @param parsed its numbers when they were parsed already: from a text that was not in that
   *   form, whose `-0` (printed `0`) keeps its sign here.
   */
  constructor(
    readonly text: string,
    private readonly parsed?: readonly number[],
  ) {}

  /** The numbers, as parsing the upstream's text gave them. */
  values(): readonly number[] {
    return this.parsed ?? (JSON.parse(this.text) as number[]);
  }
}

// Arrays shorter than this stay parsed: `shape: [100, 768]` and the like cost nothing either way.
const MIN_VECTOR_CHARACTERS = 64;
// A number as `JSON.stringify` prints it: fixed notation (JS uses exponents below 1e-6 and from
// 1e21), no `-0`, no trailing fraction zeros, no leading zeros. Anything else (`1e-05`, `-0.0`,
// `1.0`, `0.00000012`, spaces) is re-printed. (Digit counts are left to the printer check below:
// bounded counts cost a third more time per number here.)
const NUMBER = '(?:-?0\\.(?!0{6})\\d*[1-9]|0|-?[1-9]\\d{0,20}(?:\\.\\d*[1-9])?)';
const CANONICAL_VECTOR = new RegExp(`^\\[(?:${NUMBER},)*${NUMBER}\\]$`);
// The placeholder's escaped NUL cannot collide: texts holding one are parsed the plain way.
const PLACEHOLDER_PREFIX = '\u0000';
const ESCAPED_NUL = '\\u0000';

/**
 * `JSON.parse` for an answer whose bulk is numeric arrays (Workers AI's embeddings: 100 × 768
 * numbers): each innermost array of numbers of some length comes back as a `JsonVectorText`
 * holding exactly the text `JSON.stringify` would print for its numbers, and only the rest of the
 * answer is parsed. Byte-identical by construction: a number already in JavaScript's shortest
 * form is kept as it is, any other is re-printed; and the first vector is checked by a full
 * parse and print, so an upstream whose printer is not shortest-round-trip (`%.17g`) has every
 * vector re-printed. Throws a `SyntaxError` as `JSON.parse` does.
 */
export function parseJsonKeepingVectors(text: string): unknown {
  if (text.includes(ESCAPED_NUL)) return JSON.parse(text);
  const vectors: string[] = [];
  let skeleton = '';
  let copied = 0;
  for (let open = text.indexOf('['); open !== -1; ) {
    const close = text.indexOf(']', open);
    if (close === -1) break;
    // The innermost array ending at `close`: `[[1,2],[3,4]]` yields `[1,2]`, then `[3,4]`.
    const start = text.lastIndexOf('[', close);
    const first = text.charCodeAt(start + 1);
    if (close - start >= MIN_VECTOR_CHARACTERS && (first === 0x2d || (first >= 0x30 && first <= 0x39))) {
      skeleton += `${text.slice(copied, start)}"${ESCAPED_NUL}${vectors.length}"`;
      vectors.push(text.slice(start, close + 1));
      copied = close + 1;
    }
    open = text.indexOf('[', close + 1);
  }
  if (vectors.length === 0) return JSON.parse(text);
  skeleton += text.slice(copied);
  const printerIsShortest = isShortestPrinter(vectors);
  let used = 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(skeleton, (_key, value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith(PLACEHOLDER_PREFIX)) return value;
      const vector = vectors[Number(value.slice(PLACEHOLDER_PREFIX.length))];
      if (vector === undefined) throw new SyntaxError('Unexpected vector placeholder');
      used += 1;
      return printerIsShortest && CANONICAL_VECTOR.test(vector)
        ? new JsonVectorText(vector)
        : reprint(vector);
    });
  } catch {
    // A numeric-looking `[...]` inside a string breaks the skeleton's syntax, as does a text
    // that is not JSON at all: the plain parse decides (and throws its own error).
    return JSON.parse(text);
  }
  // Every placeholder met exactly once, or the plain parse decides.
  return used === vectors.length ? parsed : JSON.parse(text);
}

/** The first vector in canonical form says whether the upstream prints numbers as JS does. */
function isShortestPrinter(vectors: readonly string[]): boolean {
  const sample = vectors.find((vector) => CANONICAL_VECTOR.test(vector));
  return sample === undefined || JSON.stringify(JSON.parse(sample)) === sample;
}

/** An array that is not in canonical form: parsed, and kept as text only if it is all numbers. */
function reprint(vector: string): unknown {
  const values: unknown = JSON.parse(vector);
  return Array.isArray(values) && values.every((value) => typeof value === 'number')
    ? new JsonVectorText(JSON.stringify(values), values)
    : values;
}
