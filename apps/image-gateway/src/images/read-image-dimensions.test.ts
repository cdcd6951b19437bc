import { describe, expect, it } from 'vitest';
import { readImageDimensions } from './read-image-dimensions';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

describe('readImageDimensions', () => {
  it('reads a PNG header', () => {
    expect(readImageDimensions(png(640, 480))).toEqual({ format: 'png', width: 640, height: 480 });
  });

  it('reads a JPEG frame header after other segments', () => {
    const jpeg = Uint8Array.from([
      0xff, 0xd8,
      // APP0 of length 4 (2 bytes of payload)
      0xff, 0xe0, 0x00, 0x04, 0x00, 0x00,
      // SOF2 (progressive): length 8, precision 8, height 300, width 200, components
      0xff, 0xc2, 0x00, 0x08, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x03,
    ]);
    expect(readImageDimensions(jpeg)).toEqual({ format: 'jpeg', width: 200, height: 300 });
  });

  it('returns undefined for anything else or a truncated header', () => {
    expect(readImageDimensions(new TextEncoder().encode('GIF89a........'))).toBeUndefined();
    expect(readImageDimensions(png(640, 480).subarray(0, 20))).toBeUndefined();
    expect(readImageDimensions(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBeUndefined();
  });
});
