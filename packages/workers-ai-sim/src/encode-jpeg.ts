import type { Rgb } from './encode-png';

// Standard luminance DC table (ITU T.81 Annex K.3): code lengths 1–16 and the categories 0–11.
const dcCodeCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const dcSymbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// Every block is flat, so the AC table needs only end-of-block, coded as a single "0" bit.
const acCodeCounts = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const acSymbols = [0];
// A DC quantiser of 8 turns the DC coefficient (8 × the level-shifted mean) back into the mean.
const quantiser = 8;

/**
 * A real baseline JPEG of exactly width×height: flat 8×8 blocks (DC coefficients only) in horizontal
 * bands of the given colours, YCbCr 4:4:4.
 */
export function encodeJpeg(width: number, height: number, colours: readonly Rgb[]): Uint8Array {
  const dcCodes = buildCodes(dcCodeCounts, dcSymbols);
  const endOfBlock = buildCodes(acCodeCounts, acSymbols)[0] ?? { code: 0, length: 1 };
  const output: number[] = [];
  const push = (...bytes: number[]) => {
    for (const byte of bytes) output.push(byte);
  };
  const word = (value: number) => [(value >> 8) & 0xff, value & 0xff];
  push(0xff, 0xd8);
  push(0xff, 0xe0, ...word(16), 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, ...word(1), ...word(1), 0, 0);
  push(0xff, 0xdb, ...word(67), 0, ...new Array<number>(64).fill(quantiser));
  push(0xff, 0xc0, ...word(17), 8, ...word(height), ...word(width), 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0);
  push(0xff, 0xc4, ...word(2 + 17 + dcSymbols.length + 17 + acSymbols.length));
  push(0x00, ...dcCodeCounts, ...dcSymbols, 0x10, ...acCodeCounts, ...acSymbols);
  push(0xff, 0xda, ...word(12), 3, 1, 0, 2, 0, 3, 0, 0, 63, 0);

  let accumulator = 0;
  let bitCount = 0;
  const writeBits = (code: number, length: number) => {
    for (let bit = length - 1; bit >= 0; bit--) {
      accumulator = (accumulator << 1) | ((code >> bit) & 1);
      bitCount += 1;
      if (bitCount === 8) {
        output.push(accumulator);
        // 0xFF in entropy-coded data must be stuffed with 0x00 so it is not read as a marker.
        if (accumulator === 0xff) output.push(0);
        accumulator = 0;
        bitCount = 0;
      }
    }
  };
  const previous = [0, 0, 0];
  const blockRows = Math.ceil(height / 8);
  const blockColumns = Math.ceil(width / 8);
  for (let blockRow = 0; blockRow < blockRows; blockRow++) {
    const centre = Math.min(height - 1, blockRow * 8 + 4);
    const [red, green, blue] = colours[Math.floor((centre * colours.length) / height)] ?? [0, 0, 0];
    const components = [
      0.299 * red + 0.587 * green + 0.114 * blue,
      128 - 0.168736 * red - 0.331264 * green + 0.5 * blue,
      128 + 0.5 * red - 0.418688 * green - 0.081312 * blue,
    ].map((value) => Math.max(0, Math.min(255, Math.round(value))) - 128);
    for (let blockColumn = 0; blockColumn < blockColumns; blockColumn++) {
      components.forEach((value, index) => {
        const difference = value - (previous[index] ?? 0);
        previous[index] = value;
        const category = difference === 0 ? 0 : Math.floor(Math.log2(Math.abs(difference))) + 1;
        const code = dcCodes[category] ?? { code: 0, length: 2 };
        writeBits(code.code, code.length);
        if (category > 0) {
          writeBits(difference > 0 ? difference : difference + (1 << category) - 1, category);
        }
        writeBits(endOfBlock.code, endOfBlock.length);
      });
    }
  }
  // Pad the last byte with 1 bits, as T.81 asks.
  if (bitCount > 0) writeBits(0xff, 8 - bitCount);
  push(0xff, 0xd9);
  return Uint8Array.from(output);
}

function buildCodes(counts: number[], symbols: number[]): { code: number; length: number }[] {
  const codes: { code: number; length: number }[] = [];
  let code = 0;
  let symbolIndex = 0;
  counts.forEach((count, lengthIndex) => {
    for (let index = 0; index < count; index++) {
      const symbol = symbols[symbolIndex++] ?? 0;
      codes[symbol] = { code: code++, length: lengthIndex + 1 };
    }
    code <<= 1;
  });
  return codes;
}
