import { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAiClient, rgbaPng, simulator } from './helpers';

const client = openAiClient();
const INFLATED_BYTES = 64 * 1024 * 1024;

/** The deflate stream of `size` zero bytes, compressed chunk by chunk (about 1000:1). */
async function deflatedZeros(size: number): Promise<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  let sent = 0;
  const zeros = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      controller.enqueue(chunk.slice());
      sent += chunk.length;
    },
  });
  return new Uint8Array(
    await new Response(zeros.pipeThrough(new CompressionStream('deflate'))).arrayBuffer(),
  );
}

function pngChunk(type: string, body: Uint8Array): Uint8Array {
  // The mask reader does not check CRCs, so zeros are fine.
  const bytes = new Uint8Array(12 + body.length);
  new DataView(bytes.buffer).setUint32(0, body.length);
  bytes.set(new TextEncoder().encode(type), 4);
  bytes.set(body, 8);
  return bytes;
}

/** A 1×1 RGBA PNG whose image data inflates to `INFLATED_BYTES` (a valid one inflates to 5). */
async function bombMask(): Promise<Uint8Array> {
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, 1);
  new DataView(header.buffer).setUint32(4, 1);
  header[8] = 8;
  header[9] = 6;
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', await deflatedZeros(INFLATED_BYTES)),
    pngChunk('IEND', new Uint8Array()),
  ];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

// The worker runs in this isolate, so counting what every DecompressionStream hands out shows how
// much of the bomb the gateway inflated.
const scope = globalThis as unknown as { DecompressionStream: typeof DecompressionStream };
const OriginalDecompressionStream = scope.DecompressionStream;
let inflated = 0;

beforeEach(() => {
  simulator.reset();
  inflated = 0;
  scope.DecompressionStream = function CountingDecompressionStream(format: 'deflate') {
    const inner = new OriginalDecompressionStream(format);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        inflated += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { writable: inner.writable, readable: inner.readable.pipeThrough(counter) };
  } as unknown as typeof DecompressionStream;
});

afterEach(() => {
  scope.DecompressionStream = OriginalDecompressionStream;
});

describe('an edit mask that is a zlib bomb', () => {
  it('is refused after inflating no more than a few chunks past what its size allows', async () => {
    const photo = await rgbaPng(1, 1, () => 255);
    const mask = await bombMask();
    expect(mask.length).toBeLessThan(200 * 1024);
    const refused = await client.images
      .edit({
        model: '@cf/runwayml/stable-diffusion-v1-5-inpainting',
        image: await toFile(photo, 'photo.png', { type: 'image/png' }),
        mask: await toFile(mask, 'mask.png', { type: 'image/png' }),
        prompt: 'x',
      })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, param: 'mask' });
    expect(inflated).toBeGreaterThan(0);
    // Expected image data is 1 × (4 + 1) bytes; DecompressionStream hands out up to 64 KiB at once.
    expect(inflated).toBeLessThan(1024 * 1024);
    expect(simulator.calls).toHaveLength(0);
  });
});
