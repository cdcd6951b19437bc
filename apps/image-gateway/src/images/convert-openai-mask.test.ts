import { describe, expect, it } from 'vitest';
import { convertOpenAiMask } from './convert-openai-mask';

async function deflate(bytes: Uint8Array, format: 'deflate', direction: 'compress' | 'decompress') {
  const transform =
    direction === 'compress' ? new CompressionStream(format) : new DecompressionStream(format);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function pngChunk(type: string, body: Uint8Array): Uint8Array {
  // The converter does not check CRCs of its input, so zeros are fine here.
  const bytes = new Uint8Array(12 + body.length);
  new DataView(bytes.buffer).setUint32(0, body.length);
  bytes.set(new TextEncoder().encode(type), 4);
  bytes.set(body, 8);
  return bytes;
}

/** An RGBA PNG whose rows use the filters given (0 none, 1 sub, 2 up, 4 paeth), per the PNG spec. */
async function rgbaPng(
  width: number,
  height: number,
  alphaAt: (x: number, y: number) => number,
  filters: number[],
) {
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels.set([10 * x, 20 * y, 30, alphaAt(x, y)], y * stride + x * 4);
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length] ?? 0;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const value = pixels[y * stride + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= 4 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      raw[y * (stride + 1) + 1 + x] = (value - predicted) & 0xff;
    }
  }
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  const idat = await deflate(raw, 'deflate', 'compress');
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', idat),
    pngChunk('IEND', new Uint8Array()),
  ];
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const png = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

async function readGreyPng(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  expect([png[24], png[25]]).toEqual([8, 0]);
  const idatLength = view.getUint32(33);
  expect(String.fromCharCode(...png.subarray(37, 41))).toBe('IDAT');
  const raw = await deflate(png.subarray(41, 41 + idatLength), 'deflate', 'decompress');
  const rows: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)]).toBe(0);
    rows.push(Array.from(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1))));
  }
  return { width, height, rows };
}

describe('convertOpenAiMask', () => {
  it('turns transparent areas into white (repaint) and opaque ones into black, through every filter', async () => {
    const hole = (x: number, y: number) => (x >= 2 && x < 5 && y >= 1 && y < 4 ? 0 : 255);
    const mask = await rgbaPng(6, 5, hole, [0, 1, 2, 3, 4]);
    const { width, height, rows } = await readGreyPng(await convertOpenAiMask(mask));
    expect([width, height]).toEqual([6, 5]);
    expect(rows).toEqual(
      Array.from({ length: 5 }, (_, y) => Array.from({ length: 6 }, (_, x) => 255 - hole(x, y))),
    );
  });

  it('keeps soft edges graded', async () => {
    const mask = await rgbaPng(2, 1, (x) => (x === 0 ? 128 : 255), [0]);
    expect((await readGreyPng(await convertOpenAiMask(mask))).rows).toEqual([[127, 0]]);
  });

  it('passes on masks without transparency and other formats unchanged', async () => {
    const opaque = await rgbaPng(3, 3, () => 255, [0]);
    expect(await convertOpenAiMask(opaque)).toBe(opaque);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]);
    expect(await convertOpenAiMask(jpeg)).toBe(jpeg);
  });

  it('refuses a PNG whose pixel data does not decode', async () => {
    const mask = await rgbaPng(4, 4, () => 0, [0]);
    const broken = mask.slice();
    broken.fill(7, 45, 60);
    await expect(convertOpenAiMask(broken)).rejects.toMatchObject({ status: 400, param: 'mask' });
  });
});
