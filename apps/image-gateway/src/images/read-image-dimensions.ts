/** What `readImageDimensions` found in an image's header. */
export interface ImageDimensions {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads the pixel size of a PNG (its IHDR chunk) or a JPEG (its first SOFn frame header)
 * without decoding the image. Returns `undefined` for anything else or a truncated header,
 * so an upload that only claims to be an image is refused rather than sent upstream.
 */
export function readImageDimensions(bytes: Uint8Array): ImageDimensions | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    // IHDR is always the first chunk: length (4), type (4), then width and height, big-endian.
    const isHeader = String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
    if (!isHeader) return undefined;
    return positive('png', view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes (0xFF) may pad between markers.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    // Markers without a length: TEM and RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (offset + 9 > bytes.length) return undefined;
      return positive('jpeg', view.getUint16(offset + 7), view.getUint16(offset + 5));
    }
    if (marker === 0xda || length < 2) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

function positive(
  format: ImageDimensions['format'],
  width: number,
  height: number,
): ImageDimensions | undefined {
  return width > 0 && height > 0 ? { format, width, height } : undefined;
}
