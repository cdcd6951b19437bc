import { describe, expect, it } from 'vitest';
import { encodeEmbeddingBase64 } from './encode-embedding-base64';

describe('encodeEmbeddingBase64', () => {
  it('encodes little-endian float32 that a Float32Array view decodes back', () => {
    const vector = [0.5, -1.25, 2.71875];
    const binary = atob(encodeEmbeddingBase64(vector));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    expect(Array.from(bytes.slice(0, 4))).toEqual([0, 0, 0, 63]);
    expect(Array.from(new Float32Array(bytes.buffer))).toEqual(vector.map(Math.fround));
  });
});
