/** The outcome of reading a `Range` header against an object's size. */
export type ByteRange =
  /** No usable range: serve the whole object (RFC 9110 lets a server ignore a range it does not support). */
  | { kind: 'whole' }
  | { kind: 'partial'; offset: number; length: number }
  /** 416: the range starts past the end. */
  | { kind: 'unsatisfiable' };

/**
 * Reads a single-range `Range: bytes=...` header (`a-b`, `a-`, `-suffix`) against `size`
 * (RFC 9110 §14). Multiple ranges and malformed headers are ignored (whole object).
 */
export function parseByteRange(header: string | null, size: number): ByteRange {
  if (header === null) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    const length = Math.min(suffix, size);
    return { kind: 'partial', offset: size - length, length };
  }
  const offset = Number(first);
  if (offset >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < offset) return { kind: 'whole' };
  return { kind: 'partial', offset, length: end - offset + 1 };
}
