/**
 * Guesses a media type from the first bytes of an image or audio payload (PNG, JPEG, WebP, MP3,
 * WAV, OGG, FLAC, AAC in ADTS frames). Used when the binding hands back bytes without a type, and by the image
 * gateway to name what it stores. Returns `undefined` for anything unrecognised.
 */
export function sniffContentType(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x89 && b1 === 0x50 && b2 === 0x4e && b3 === 0x47) return 'image/png';
  if (b0 === 0xff && b1 === 0xd8 && b2 === 0xff) return 'image/jpeg';
  if (startsWithAscii(bytes, 'RIFF') && startsWithAscii(bytes.subarray(8), 'WEBP')) return 'image/webp';
  if (startsWithAscii(bytes, 'RIFF') && startsWithAscii(bytes.subarray(8), 'WAVE')) return 'audio/wav';
  if (startsWithAscii(bytes, 'ID3')) return 'audio/mpeg';
  // ADTS (AAC) and MPEG audio frames share the sync bits; ADTS has a 12-bit sync and layer 00,
  // which MPEG audio reserves.
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xf6) === 0xf0) return 'audio/aac';
  // An MPEG audio frame starts with an 11-bit sync word and a layer other than 00.
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'audio/mpeg';
  if (startsWithAscii(bytes, 'OggS')) return 'audio/ogg';
  if (startsWithAscii(bytes, 'fLaC')) return 'audio/flac';
  return undefined;
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let index = 0; index < text.length; index++) {
    if (bytes[index] !== text.charCodeAt(index)) return false;
  }
  return true;
}
