import { crc32 } from './crc32';

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [red: number, green: number, blue: number];

/**
 * A real PNG of exactly width×height: horizontal bands of the given colours. CompressionStream's
 * "deflate" is the zlib format PNG's IDAT wants, Adler-32 included.
 */
export async function encodePng(width: number, height: number, colours: readonly Rgb[]): Promise<Uint8Array> {
  const rowLength = 1 + width * 3;
  const raw = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y++) {
    const colour = colours[Math.floor((y * colours.length) / height)] ?? [0, 0, 0];
    const rowStart = y * rowLength;
    // Filter byte 0 (none) starts each row; the bytes that follow are the pixels.
    for (let x = 0; x < width; x++) raw.set(colour, rowStart + 1 + x * 3);
  }
  const compressed = new Uint8Array(
    await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer(),
  );
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filtering, no interlace
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', compressed),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index++) bytes[4 + index] = type.charCodeAt(index);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes.subarray(4, 8 + data.length)));
  return bytes;
}
