import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayFetch, testEnv } from './helpers';

// Issue 11, findings 4 and 5: the chat gateway downloads https: image URLs for vision models.
// These tests replace the Worker's global fetch with a small "internet" of stub hosts that
// follows redirects itself when asked to (as the runtime's fetch does with redirect: 'follow'),
// and record every URL the gateway reached.

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
);
const VISION_MODEL = '@cf/meta/llama-4-scout-17b-16e-instruct';
const MiB = 1024 * 1024;

type Handler = (request: Request) => Response;

const simulator = createSimulator();
const fetchGateway = gatewayFetch(testEnv(simulator));
const original = globalThis.fetch;
let reached: string[] = [];
let hosts: Record<string, Handler> = {};

function install() {
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    let request = new Request(input, init);
    for (let hop = 0; hop < 20; hop++) {
      reached.push(request.url);
      const handler = hosts[request.url];
      if (handler === undefined) throw new TypeError('Network connection lost.');
      const response = handler(request);
      const location = response.headers.get('location');
      if (init?.redirect === 'manual' || location === null || response.status < 300 || response.status > 399)
        return response;
      request = new Request(new URL(location, request.url), {
        headers: request.headers,
        signal: request.signal,
      });
    }
    throw new TypeError('Too many redirects.');
  };
}

beforeEach(() => {
  simulator.reset();
  reached = [];
  hosts = {};
  install();
});
afterEach(() => {
  globalThis.fetch = original;
});

const redirect =
  (location: string): Handler =>
  () =>
    new Response(null, { status: 302, headers: { location } });
const image: Handler = () => new Response(PNG, { headers: { 'content-type': 'image/png' } });

function chatWithImages(...urls: string[]) {
  return fetchGateway('/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: VISION_MODEL,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            ...urls.map((url) => ({ type: 'image_url', image_url: { url } })),
          ],
        },
      ],
    }),
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { message: string; param: string; code: string } }).error;
}

/** A body of `size` bytes in 64 KiB chunks, counting what the reader pulled. */
function countedBody(size: number, pulled: { bytes: number }, delay = 0): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024);
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (sent >= size) return controller.close();
      sent += chunk.byteLength;
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe('image downloads for vision models', () => {
  it('still inlines a public https image, and follows a redirect to another public https host', async () => {
    hosts['https://images.example/cat.png'] = redirect('https://cdn.example/cat.png');
    hosts['https://cdn.example/cat.png'] = image;
    const response = await chatWithImages('https://images.example/cat.png');
    expect(response.status).toBe(200);
    const sent = simulator.calls[0]?.inputs as { messages: [{ content: { image_url?: { url: string } }[] }] };
    expect(
      sent.messages[0].content.some((part) => part.image_url?.url.startsWith('data:image/png;base64,')),
    ).toBe(true);
  });

  it.each([
    ['http://127.0.0.1:8790/healthz', 'a loopback http: address'],
    ['https://127.0.0.1:8790/healthz', 'a loopback https: address'],
    ['https://169.254.169.254/latest/meta-data/', 'the link-local metadata address'],
    ['https://[::ffff:10.0.0.1]/x.png', 'an IPv4-mapped private address'],
    ['https://localhost/x.png', 'localhost'],
    ['file:///etc/passwd', 'a file: URL'],
  ])('never follows a redirect to %s (%s)', async (target) => {
    hosts['https://images.example/cat.png'] = redirect(target);
    hosts[target] = () => Response.json({ status: 'ok' });
    const response = await chatWithImages('https://images.example/cat.png');
    expect(response.status).toBe(400);
    expect(reached).toEqual(['https://images.example/cat.png']);
    expect(simulator.calls).toHaveLength(0);
  });

  it('refuses a private literal address without fetching it', async () => {
    const response = await chatWithImages('https://10.0.0.1/x.png');
    expect(response.status).toBe(400);
    expect(reached).toEqual([]);
  });

  it('follows at most three redirects', async () => {
    for (let hop = 0; hop < 4; hop++)
      hosts[`https://hop${hop}.example/`] = redirect(`https://hop${hop + 1}.example/`);
    hosts['https://hop4.example/'] = image;
    const response = await chatWithImages('https://hop0.example/');
    expect(response.status).toBe(400);
    expect(reached).toHaveLength(4);
  });

  it('answers the same for a JSON 200, an HTML 404 and an unreachable host: no port-scan oracle', async () => {
    hosts['https://a.example/'] = () => Response.json({ internal: true });
    hosts['https://b.example/'] = () =>
      new Response('<h1>nope</h1>', { status: 404, headers: { 'content-type': 'text/html' } });
    const messages = [];
    for (const url of ['https://a.example/', 'https://b.example/', 'https://closed.example/']) {
      const response = await chatWithImages(url);
      expect(response.status).toBe(400);
      messages.push((await errorOf(response)).message);
    }
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).not.toMatch(/HTTP|json|html|200|404/i);
  });

  it('downloads at most 8 images per request, refusing the 9th before any fetch', async () => {
    const urls = Array.from({ length: 9 }, (_, index) => `https://images.example/${index}.png`);
    for (const url of urls) hosts[url] = image;
    const response = await chatWithImages(...urls);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).param).toBe('messages[0].content[9].image_url.url');
    expect(reached).toEqual([]);
  });

  it('stops reading a chunked image at the 10 MiB limit instead of reading it whole', async () => {
    const pulled = { bytes: 0 };
    hosts['https://big.example/x.png'] = () =>
      new Response(countedBody(50 * MiB, pulled), { headers: { 'content-type': 'image/png' } });
    const response = await chatWithImages('https://big.example/x.png');
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(11 * MiB);
  });

  it('stops at 20 MiB for all images of a request together', async () => {
    const pulled = { bytes: 0 };
    const urls = ['https://big.example/1.png', 'https://big.example/2.png', 'https://big.example/3.png'];
    for (const url of urls)
      hosts[url] = () =>
        new Response(countedBody(8 * MiB, pulled), { headers: { 'content-type': 'image/png' } });
    const response = await chatWithImages(...urls);
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(21 * MiB);
  });

  it('gives up on an image that trickles in after 10 s', async () => {
    const pulled = { bytes: 0 };
    hosts['https://slow.example/x.png'] = () =>
      new Response(countedBody(4 * MiB, pulled, 500), { headers: { 'content-type': 'image/png' } });
    const started = Date.now();
    const response = await chatWithImages('https://slow.example/x.png');
    expect(response.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(13_000);
    expect(simulator.calls).toHaveLength(0);
  }, 30_000);
});
