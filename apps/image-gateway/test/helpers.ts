import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
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

/** The env of a binding-mode gateway with the simulator as `env.AI` and the spied bucket. */
export function bindingEnv(extra: Record<string, unknown> = {}) {
  return { ...env, AI: simulator.binding, GATEWAY_KEYS: 'test-key', IMAGES: spiedBucket, ...extra };
}

export const testEnv = bindingEnv();

/** Calls the worker the way a client would, waiting for its background work to finish. */
export async function call(path: string, init: RequestInit = {}, workerEnv: object = testEnv) {
  const context = createExecutionContext();
  const response = await worker.fetch(
    new Request(`https://image.test${path}`, init) as Parameters<typeof worker.fetch>[0],
    workerEnv as Parameters<typeof worker.fetch>[1],
    context,
  );
  await waitOnExecutionContext(context);
  return response;
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
