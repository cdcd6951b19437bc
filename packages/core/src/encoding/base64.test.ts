import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeWithAtob } from './decode-base64';
import { encodeBase64, encodeBase64Portable } from './encode-base64';

function bytesOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed || 1;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

describe('base64', () => {
  it('encodes natively (workerd) exactly as the portable path does, at every length', () => {
    expect(typeof (Uint8Array.prototype as { toBase64?: unknown }).toBase64).toBe('function');
    for (const length of [0, 1, 2, 3, 4, 5, 31, 32, 33, 0x7fff, 0x8000, 0x8001, 100_003, 960_044]) {
      const bytes = bytesOf(length, length);
      expect(encodeBase64(bytes)).toBe(encodeBase64Portable(bytes));
    }
    expect(encodeBase64(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('+/+/');
  });

  it('decodes natively as atob does, tolerating data URLs, whitespace and the URL-safe alphabet', () => {
    for (const length of [0, 1, 2, 3, 4, 1000, 65_537]) {
      const bytes = bytesOf(length, length + 7);
      const text = encodeBase64Portable(bytes);
      expect(decodeBase64(text)).toEqual(bytes);
      expect(decodeBase64(text)).toEqual(decodeWithAtob(text));
      expect(decodeBase64(`data:image/png;base64,${text.replace(/(.{76})/g, '$1\n')}`)).toEqual(bytes);
      expect(decodeBase64(text.replaceAll('+', '-').replaceAll('/', '_'))).toEqual(bytes);
      expect(decodeBase64(text.replace(/=+$/, ''))).toEqual(bytes);
    }
  });

  it('answers undefined for text that is not base64', () => {
    for (const text of ['a', 'abcde', '****', 'ab=c', 'YQ===', 'héllo']) {
      expect(decodeBase64(text)).toBeUndefined();
      expect(() => decodeWithAtob(text)).toThrow();
    }
  });
});
