/** WAV `fmt ` format codes: PCM, A-law, µ-law. */
const FORMAT_CODES = { linear16: 1, alaw: 6, mulaw: 7 } as const;

/**
 * Real silent audio in a RIFF/WAVE container, mono: 16-bit PCM (`linear16`) or 8-bit G.711
 * (`alaw`, `mulaw`), whose silence is 0xD5 and 0xFF, not zero. With `container: false`, the bare
 * samples (Aura's `container: "none"`).
 */
export function encodeSilentWav(
  encoding: keyof typeof FORMAT_CODES,
  sampleRate: number,
  seconds: number,
  container = true,
): Uint8Array {
  const bytesPerSample = encoding === 'linear16' ? 2 : 1;
  const dataLength = Math.max(1, Math.round(sampleRate * seconds)) * bytesPerSample;
  const header = container ? 44 : 0;
  const bytes = new Uint8Array(header + dataLength);
  if (encoding !== 'linear16') bytes.fill(encoding === 'alaw' ? 0xd5 : 0xff, header);
  if (!container) return bytes;
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_CODES[encoding], true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * bytesPerSample, true);
  view.setUint16(32, bytesPerSample, true);
  view.setUint16(34, bytesPerSample * 8, true);
  ascii(36, 'data');
  view.setUint32(40, dataLength, true);
  return bytes;
}
