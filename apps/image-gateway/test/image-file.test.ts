import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bucketCalls, call, keyOf, openAiClient, sha256Hex } from './helpers';

let key: string;
let bytes: Uint8Array;

beforeAll(async () => {
  const client = openAiClient();
  const result = await client.images.generate({
    model: '@cf/lykon/dreamshaper-8-lcm',
    prompt: 'served',
    size: '256x256',
  });
  key = keyOf(result.data?.[0]?.url ?? '');
  const response = await call(`/${key}`);
  bytes = new Uint8Array(await response.arrayBuffer());
});

beforeEach(() => {
  bucketCalls.length = 0;
});

describe('GET/HEAD /images/<key>', () => {
  it('serves without a key, with a strong ETag and immutable caching', async () => {
    const response = await call(`/${key}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${await sha256Hex(bytes)}"`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const etag = `"${await sha256Hex(bytes)}"`;
    const response = await call(`/${key}`, { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe('');
    const stale = await call(`/${key}`, { headers: { 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
  });

  it('answers Range with 206 and the exact bytes, and 416 past the end', async () => {
    const partial = await call(`/${key}`, { headers: { range: 'bytes=8-23' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 8-23/${bytes.length}`);
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(bytes.slice(8, 24));
    const suffix = await call(`/${key}`, { headers: { range: 'bytes=-10' } });
    expect(suffix.status).toBe(206);
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.slice(-10));
    const open = await call(`/${key}`, { headers: { range: `bytes=${bytes.length - 5}-` } });
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(bytes.slice(-5));
    const beyond = await call(`/${key}`, { headers: { range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    const stale = await call(`/${key}`, { headers: { range: 'bytes=0-3', 'if-range': '"old"' } });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await call(`/${key}`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('');
  });

  it('answers path tricks and unknown keys with 404, never listing the bucket', async () => {
    const hash = key.split('/').at(-1)?.split('.')[0] ?? '';
    const datePath = key.split('/').slice(0, 4).join('/');
    const malformed = [
      // URLs are normalised before routing, so dot segments only ever move within the path:
      // each of these becomes a path that is not a key.
      `/${datePath}/../${hash}.png`,
      `/${datePath}/%2e%2e/${hash}.png`,
      `/${datePath}/.%2E/%2e/${hash}.png`,
      `/images/%2e%2e%2f%2e%2e%2fv1/models`,
      `/images/..%2F..%2F${hash}.png`,
      `/${datePath}%2F${hash}.png`,
      `/${key.replace('/', '%2F')}`,
      `/${key}/`,
      `/${key}x`,
      `/${key.replace('.png', '.gif')}`,
      `/${key.replace('.png', '.PNG')}`,
      `/${key.replace(hash, hash.toUpperCase())}`,
      `/${key.replace(hash, hash.slice(1))}`,
      `/images/${'a'.repeat(5000)}.png`,
      `/images/2026/13/01/${hash}.png`,
      '/images/',
      '/images/secret.txt',
      `/${key}?list=true`.replace('?list=true', '%3Flist'),
    ];
    for (const path of malformed) {
      // Paths outside /images/ are not public: with a key they reach the router's 404.
      const headers: Record<string, string> = path.startsWith('/images/') ? {} : { 'x-api-key': 'test-key' };
      const response = await call(path, { headers });
      expect(response.status, path.slice(0, 120)).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    // Rejected by the key pattern before R2 is touched at all.
    expect(bucketCalls).toEqual([]);

    const unknown = await call(`/${key.replace(hash, 'f'.repeat(64))}`);
    expect(unknown.status).toBe(404);
    const unknownHead = await call(`/${key.replace(hash, 'e'.repeat(64))}`, { method: 'HEAD' });
    expect(unknownHead.status).toBe(404);
    expect(bucketCalls).toEqual(['get', 'head']);
    expect(bucketCalls).not.toContain('list');
  });

  it('still needs a key to write: POST to an image path is not public', async () => {
    const response = await call(`/${key}`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(401);
  });
});
