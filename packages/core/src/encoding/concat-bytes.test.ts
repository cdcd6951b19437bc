import { describe, expect, it } from 'vitest';
import { concatBytes } from './concat-bytes';

describe('concatBytes', () => {
  it('joins chunks in order, returns a lone chunk as is, and an empty array for none', () => {
    expect(concatBytes([Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3)])).toEqual(
      Uint8Array.of(1, 2, 3),
    );
    const only = Uint8Array.of(9);
    expect(concatBytes([only])).toBe(only);
    expect(concatBytes([])).toEqual(new Uint8Array());
  });
});
