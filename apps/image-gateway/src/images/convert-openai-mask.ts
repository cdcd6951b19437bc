import { invalidRequest } from '@workers-ai-gateways/core';

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Stable Diffusion on Workers AI makes at most 2048×2048; a larger mask cannot match an image.
const MAXIMUM_PIXELS = 2048 * 2048;

/**
 * Turns an OpenAI edit mask into the mask Stable Diffusion inpainting reads.
 *
 * OpenAI marks the area to edit with transparency ("fully transparent areas indicate where
 * `image` should be edited"); SD inpainting repaints white and keeps black. A PNG with an alpha
 * channel (grey+alpha or RGBA, 8 or 16 bits, not interlaced) becomes an 8-bit greyscale PNG of
 * `255 − alpha`. A mask without transparency (no alpha channel, or fully opaque: already an SD
 * style black-and-white mask) and any other format is passed on unchanged.
 */
export async function convertOpenAiMask(bytes: Uint8Array): Promise<Uint8Array> {
  const png = readPngChunks(bytes);
  if (png === undefined) return bytes;
  const { width, height, bitDepth, colourType, interlace } = png;
  const channels = colourType === 6 ? 4 : colourType === 4 ? 2 : 0;
  if (channels === 0 || interlace !== 0 || (bitDepth !== 8 && bitDepth !== 16)) return bytes;
  if (width * height > MAXIMUM_PIXELS)
    throw invalidRequest("'mask' is larger than 2048x2048 pixels.", 'mask');
  const bytesPerPixel = channels * (bitDepth / 8);
  const stride = width * bytesPerPixel;
  const expected = height * (stride + 1);
  const raw = await inflate(png.data, expected);
  if (raw === undefined || raw.length !== expected) {
    throw invalidRequest("'mask' is not a valid PNG image.", 'mask');
  }
  const pixels = unfilter(raw, height, stride, bytesPerPixel);
  if (pixels === undefined) throw invalidRequest("'mask' is not a valid PNG image.", 'mask');
  const alphaOffset = (channels - 1) * (bitDepth / 8);
  const grey = new Uint8Array(height * (width + 1));
  let opaque = true;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // For 16-bit samples the high byte comes first and is precise enough for a mask.
      const alpha = pixels[y * stride + x * bytesPerPixel + alphaOffset] ?? 255;
      if (alpha !== 255) opaque = false;
      grey[y * (width + 1) + 1 + x] = 255 - alpha;
    }
  }
  if (opaque) return bytes;
  return encodeGreyPng(width, height, grey);
}

interface PngChunks {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  data: Uint8Array;
}

function readPngChunks(bytes: Uint8Array): PngChunks | undefined {
  if (bytes.length < 33 || !PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let header: Omit<PngChunks, 'data'> | undefined;
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) return undefined;
    if (type === 'IHDR' && length >= 13) {
      header = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitDepth: body[8] ?? 0,
        colourType: body[9] ?? 0,
        interlace: body[12] ?? 0,
      };
    } else if (type === 'IDAT') {
      parts.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (header === undefined || parts.length === 0) return undefined;
  return { ...header, data: concatenate(parts) };
}

// Inflates as a stream and stops once more than `limit` bytes come out: a few KB of zlib can
// expand to gigabytes (a "zlib bomb"), and a Worker's isolate holds 128 MB.
async function inflate(data: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
    .getReader();
  const output = new Uint8Array(limit);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return output.subarray(0, length);
      if (length + value.length > limit) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      output.set(value, length);
      length += value.length;
    }
  } catch {
    return undefined;
  }
}

// PNG filters (https://www.w3.org/TR/png/#9Filters): each scanline starts with its filter type.
function unfilter(
  raw: Uint8Array,
  height: number,
  stride: number,
  bytesPerPixel: number,
): Uint8Array | undefined {
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[source + x] ?? 0;
      const left = x >= bytesPerPixel ? (pixels[row + x - bytesPerPixel] ?? 0) : 0;
      const up = y > 0 ? (pixels[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bytesPerPixel ? (pixels[row - stride + x - bytesPerPixel] ?? 0) : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = up;
          break;
        case 3:
          predicted = (left + up) >> 1;
          break;
        case 4:
          predicted = paeth(left, up, upLeft);
          break;
        default:
          return undefined;
      }
      pixels[row + x] = (value + predicted) & 0xff;
    }
  }
  return pixels;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

async function encodeGreyPng(width: number, height: number, scanlines: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([scanlines as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate'));
  const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return concatenate([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', compressed),
    chunk('IEND', new Uint8Array()),
  ]);
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, body.length);
  for (let index = 0; index < 4; index++) bytes[4 + index] = type.charCodeAt(index);
  bytes.set(body, 8);
  view.setUint32(8 + body.length, crc32(bytes.subarray(4, 8 + body.length)));
  return bytes;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let index = 0; index < 256; index++) {
      let value = index;
      for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
      crcTable[index] = value >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
