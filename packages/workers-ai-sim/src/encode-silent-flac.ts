const BLOCK_SIZE = 4096;

function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** FLAC's UTF-8-like coding of a frame number (1 byte below 128, 2 bytes below 2048). */
function codeFrameNumber(number: number): number[] {
  if (number < 0x80) return [number];
  return [0xc0 | (number >> 6), 0x80 | (number & 0x3f)];
}

/**
 * Real FLAC bytes of silence, mono 16-bit: `fLaC`, a STREAMINFO block, then one frame per 4096
 * samples, each a CONSTANT subframe of 0 with its CRC-8 header and CRC-16 footer
 * (https://xiph.org/flac/format.html).
 */
export function encodeSilentFlac(sampleRate: number, seconds: number): Uint8Array {
  const frames = Math.max(1, Math.ceil((sampleRate * seconds) / BLOCK_SIZE));
  const totalSamples = frames * BLOCK_SIZE;
  const out: number[] = [0x66, 0x4c, 0x61, 0x43];
  // Metadata block header: last block, type 0 (STREAMINFO), 34 bytes.
  out.push(0x80, 0, 0, 34);
  out.push(BLOCK_SIZE >> 8, BLOCK_SIZE & 0xff, BLOCK_SIZE >> 8, BLOCK_SIZE & 0xff);
  out.push(0, 0, 0, 0, 0, 0); // min and max frame size: unknown
  // 20 bits sample rate, 3 bits channels - 1, 5 bits bits-per-sample - 1, 36 bits total samples.
  out.push((sampleRate >> 12) & 0xff, (sampleRate >> 4) & 0xff);
  out.push(((sampleRate & 0x0f) << 4) | (0 << 1) | (15 >> 4));
  out.push(((15 & 0x0f) << 4) | (Math.floor(totalSamples / 2 ** 32) & 0x0f));
  out.push(
    (totalSamples >>> 24) & 0xff,
    (totalSamples >>> 16) & 0xff,
    (totalSamples >>> 8) & 0xff,
    totalSamples & 0xff,
  );
  for (let index = 0; index < 16; index++) out.push(0); // MD5: not computed
  for (let frame = 0; frame < frames; frame++) {
    // Sync + fixed blocking; block size 4096 (0b1100), rate from STREAMINFO; mono, size from STREAMINFO.
    const header = Uint8Array.from([0xff, 0xf8, 0xc0, 0x00, ...codeFrameNumber(frame)]);
    const body = Uint8Array.from([...header, crc8(header), 0x00, 0x00, 0x00]);
    const crc = crc16(body);
    out.push(...body, crc >> 8, crc & 0xff);
  }
  return Uint8Array.from(out);
}
