import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './encode-base64';
import { encodeBase64Stream } from './encode-base64-stream';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('encodeBase64Stream', () => {
  it('joins to the base64 of the whole input whatever the chunk boundaries', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => (index * 37) % 256);
    for (const sizes of [[1000], [1, 2, 3, 994], [2, 2, 2, 2, 992], [500, 499, 1], [7, 11, 13, 969]]) {
      const chunks: Uint8Array[] = [];
      let offset = 0;
      for (const size of sizes) {
        chunks.push(bytes.slice(offset, offset + size));
        offset += size;
      }
      const pieces: string[] = [];
      for await (const piece of encodeBase64Stream(streamOf(chunks))) pieces.push(piece);
      expect(pieces.join('')).toBe(encodeBase64(bytes));
      // Only the last piece may carry padding.
      expect(pieces.slice(0, -1).some((piece) => piece.includes('='))).toBe(false);
    }
  });

  it('encodes an empty stream as nothing', async () => {
    const pieces: string[] = [];
    for await (const piece of encodeBase64Stream(streamOf([]))) pieces.push(piece);
    expect(pieces).toEqual([]);
  });
});
