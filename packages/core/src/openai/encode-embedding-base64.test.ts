import { describe, expect, it } from 'vitest';
import { encodeEmbeddingBase64 } from './encode-embedding-base64';

/** The encoder as it was before the Float32Array path: each float through DataView, little-endian. */
function referenceEncoding(vector: readonly number[]): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((value, index) => {
    view.setFloat32(index * 4, value, true);
  });
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

// As Workers AI writes them in its JSON: exponents, negative zero, integers, float32 extremes.
const RECORDED_TEXT =
  '[-0.0123,0.5,-1.25,2.71875,0,-0,1,-3,7e-05,-1.2e-07,3.4028234663852886e+38,1e-45,1.1754943508222875e-38,0.045166015625,-0.07763671875,1e+39,-1e+39]';

describe('encodeEmbeddingBase64', () => {
  it('encodes little-endian float32 that a Float32Array view decodes back', () => {
    const vector = [0.5, -1.25, 2.71875];
    const binary = atob(encodeEmbeddingBase64(vector));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    expect(Array.from(bytes.slice(0, 4))).toEqual([0, 0, 0, 63]);
    expect(Array.from(new Float32Array(bytes.buffer))).toEqual(vector.map(Math.fround));
  });

  it('is byte-identical to the DataView encoding on recorded values (exponents, -0, integers, overflow)', () => {
    const vector = JSON.parse(RECORDED_TEXT) as number[];
    expect(Object.is(vector[5], -0)).toBe(true);
    expect(encodeEmbeddingBase64(vector)).toBe(referenceEncoding(vector));
    expect(encodeEmbeddingBase64([])).toBe('');
  });

  it('is byte-identical on 100 random 768-dimension vectors and on one longer than a chunk', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let count = 0; count < 100; count += 1) {
      const vector = Array.from(
        { length: 768 },
        () => (random() * 2 - 1) * 10 ** Math.floor(random() * 6 - 4),
      );
      expect(encodeEmbeddingBase64(vector)).toBe(referenceEncoding(vector));
    }
    const long = Array.from({ length: 9_000 }, (_, index) => Math.sin(index));
    expect(encodeEmbeddingBase64(long)).toBe(referenceEncoding(long));
  });
});
