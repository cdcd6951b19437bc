const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000];

/**
 * One silent AAC-LC raw data block for a mono channel (ISO/IEC 14496-3): a single channel
 * element (tag 0) whose ics_info has `max_sfb` 0, so it carries no spectral data, then END.
 * Bits: SCE (000), tag (0000), global_gain (8), ics_reserved (0), ONLY_LONG (00), window shape
 * (0), max_sfb (000000), no prediction, pulse, TNS or gain control (0000), END (111): 32 bits.
 */
const SILENT_BLOCK = Uint8Array.of(0b0000_0000, 0b1100_1000, 0b0000_0000, 0b0000_0111);

/**
 * Real AAC bytes of silence in ADTS frames (MPEG-4, AAC LC, mono, no CRC), 1024 samples each.
 */
export function encodeSilentAac(sampleRate: number, seconds: number): Uint8Array {
  const rateIndex = Math.max(0, SAMPLE_RATES.indexOf(sampleRate));
  const rate = SAMPLE_RATES[rateIndex] ?? 24000;
  const frames = Math.max(1, Math.ceil((rate * seconds) / 1024));
  const frameLength = 7 + SILENT_BLOCK.length;
  const bytes = new Uint8Array(frames * frameLength);
  for (let frame = 0; frame < frames; frame++) {
    const offset = frame * frameLength;
    // syncword 0xFFF, MPEG-4, layer 00, protection absent; profile LC (1), rate index, mono (1).
    bytes.set(
      [
        0xff,
        0xf1,
        (1 << 6) | (rateIndex << 2),
        (1 << 6) | (frameLength >> 11),
        (frameLength >> 3) & 0xff,
        ((frameLength & 7) << 5) | 0x1f,
        0xfc,
      ],
      offset,
    );
    bytes.set(SILENT_BLOCK, offset + 7);
  }
  return bytes;
}
