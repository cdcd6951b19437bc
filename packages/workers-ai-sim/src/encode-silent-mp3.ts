// MPEG-1 Layer III, no CRC, 128 kbps, 44.1 kHz, mono, original: 144 × 128000 / 44100 = 417 bytes a frame.
const frameHeader = [0xff, 0xfb, 0x90, 0xc4];
const frameLength = 417;

/** One MPEG-1 Layer III frame holds 1152 samples at 44.1 kHz. */
export const mp3FrameSeconds = 1152 / 44100;

/**
 * Real MP3 bytes of silence: valid frame headers followed by all-zero side info and main data, which
 * decoders play as silence.
 */
export function encodeSilentMp3(frameCount: number): Uint8Array {
  const bytes = new Uint8Array(frameLength * frameCount);
  for (let frame = 0; frame < frameCount; frame++) bytes.set(frameHeader, frame * frameLength);
  return bytes;
}
