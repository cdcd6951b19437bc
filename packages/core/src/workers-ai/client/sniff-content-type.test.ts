import { describe, expect, it } from 'vitest';
import { sniffContentType } from './sniff-content-type';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])),
  );

describe('sniffContentType', () => {
  it('tells every audio container apart by its first bytes', () => {
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBe('audio/wav');
    expect(sniffContentType(bytes('fLaC', 0x80))).toBe('audio/flac');
    expect(sniffContentType(bytes('OggS', 0, 2))).toBe('audio/ogg');
    expect(sniffContentType(bytes('ID3', 4, 0))).toBe('audio/mpeg');
    // MPEG-1 Layer III and MPEG-2 Layer III frames.
    expect(sniffContentType(bytes(0xff, 0xfb, 0x90, 0xc4))).toBe('audio/mpeg');
    expect(sniffContentType(bytes(0xff, 0xf3, 0x44, 0xc4))).toBe('audio/mpeg');
    // ADTS: 12-bit sync and layer 00, MPEG-4 (0xF1) or MPEG-2 (0xF9): AAC, not MP3.
    expect(sniffContentType(bytes(0xff, 0xf1, 0x58, 0x40))).toBe('audio/aac');
    expect(sniffContentType(bytes(0xff, 0xf9, 0x58, 0x40))).toBe('audio/aac');
    expect(sniffContentType(new Uint8Array(16))).toBeUndefined();
  });
});
