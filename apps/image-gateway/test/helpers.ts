import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { callWorker, gatewayTestEnv } from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import OpenAI from 'openai';
import worker from '../src/index';

export const simulator = createSimulator();

/** Every call the worker makes on the bucket, by method name. */
export const bucketCalls: string[] = [];

const realBucket = (env as unknown as { IMAGES: R2Bucket }).IMAGES;

// Records each method call, then forwards it to miniflare's R2, so a test can tell whether a
// request touched R2 at all (and that nothing ever lists it).
export const spiedBucket = new Proxy(realBucket, {
  get(target, property) {
    const value: unknown = Reflect.get(target, property);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      bucketCalls.push(String(property));
      return (value as (...inner: unknown[]) => unknown).apply(target, args);
    };
  },
});

/** The env of a binding-mode gateway (core's `gatewayTestEnv`) with the spied bucket. */
export function bindingEnv(extra: Record<string, unknown> = {}) {
  return gatewayTestEnv(simulator, { IMAGES: spiedBucket, ...extra });
}

export const testEnv = bindingEnv();

/** Calls the worker the way a client would, waiting for its background work to finish. */
export function call(path: string, init: RequestInit = {}, workerEnv: object = testEnv) {
  return callWorker(worker, new Request(`https://image.test${path}`, init), workerEnv);
}

/** The official openai SDK, pointed at the worker. */
export function openAiClient(workerEnv: object = testEnv) {
  return new OpenAI({
    apiKey: 'test-key',
    baseURL: 'https://image.test/v1',
    maxRetries: 0,
    fetch: async (url, init) => {
      const context = createExecutionContext();
      const response = await worker.fetch(
        new Request(url, init) as Parameters<typeof worker.fetch>[0],
        workerEnv as Parameters<typeof worker.fetch>[1],
        context,
      );
      // Streams are still being written: only wait for background work on finished bodies.
      if (!response.headers.get('content-type')?.includes('event-stream'))
        await waitOnExecutionContext(context);
      return response;
    },
  });
}

export const authorized = { authorization: 'Bearer test-key' };

export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/**
 * Reads the size of a PNG (IHDR) or baseline JPEG (SOF0) independently of the gateway's own
 * parser, so the tests check the images rather than the code that made them.
 */
export function imageSize(bytes: Uint8Array): { type: 'png' | 'jpeg'; width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && String.fromCharCode(...bytes.subarray(1, 4)) === 'PNG') {
    expectAscii(bytes.subarray(12, 16), 'IHDR');
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('neither PNG nor JPEG');
  let offset = 2;
  while (offset < bytes.length) {
    const marker = bytes[offset + 1];
    const length = view.getUint16(offset + 2);
    if (marker === 0xc0)
      return { type: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    offset += 2 + length;
  }
  throw new Error('JPEG without SOF0');
}

function expectAscii(bytes: Uint8Array, text: string) {
  if (String.fromCharCode(...bytes) !== text) throw new Error(`expected ${text}`);
}

/** Fetches an image URL the gateway returned, through the worker's own `/images/` route. */
export async function fetchImage(url: string, init: RequestInit = {}) {
  const parsed = new URL(url);
  expectAscii(new TextEncoder().encode(parsed.origin), 'https://image.test');
  return call(parsed.pathname, init);
}

/** The R2 key in an image URL. */
export function keyOf(url: string): string {
  return new URL(url).pathname.slice(1);
}

/** A `WIDTHxHEIGHT` the SDK's types do not list (they only know OpenAI's own sizes). */
export function customSize(value: `${number}x${number}`): '1024x1024' {
  return value as '1024x1024';
}

async function transform(
  bytes: Uint8Array,
  stream: TransformStream<Uint8Array, Uint8Array>,
): Promise<Uint8Array> {
  const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function pngChunk(type: string, body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + body.length);
  new DataView(bytes.buffer).setUint32(0, body.length);
  bytes.set(new TextEncoder().encode(type), 4);
  bytes.set(body, 8);
  return bytes;
}

/** An RGBA PNG (no filtering) with the alpha each pixel is given: an OpenAI-style edit mask. */
export async function rgbaPng(width: number, height: number, alphaAt: (x: number, y: number) => number) {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set([200, 100, 50, alphaAt(x, y)], y * (width * 4 + 1) + 1 + x * 4);
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', await transform(raw, new CompressionStream('deflate'))),
    pngChunk('IEND', new Uint8Array()),
  ];
  return Uint8Array.from(parts.flatMap((part) => Array.from(part)));
}

/** The pixel rows of an unfiltered 8-bit greyscale PNG (what the gateway sends SD as a mask). */
export async function greyPngRows(png: Uint8Array): Promise<number[][]> {
  const view = new DataView(png.buffer, png.byteOffset);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (png[24] !== 8 || png[25] !== 0) throw new Error('not an 8-bit greyscale PNG');
  const raw = await transform(png.subarray(41, 41 + view.getUint32(33)), new DecompressionStream('deflate'));
  return Array.from({ length: height }, (_, y) =>
    Array.from(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1))),
  );
}
