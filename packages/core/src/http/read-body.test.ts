import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../testing/gateway-error-of';
import { readBodyBytes, readFormBody, readJsonBody } from './read-body';

function streamOf(
  chunks: number,
  size: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readBodyBytes', () => {
  it('refuses a declared oversized body with 413 before reading it', async () => {
    const { stream, pulled } = streamOf(10, 1024);
    const request = new Request('https://g.test/', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': '10240' },
      duplex: 'half',
    } as RequestInit);
    expect((await gatewayErrorOf(readBodyBytes(request, 1000))).status).toBe(413);
    // A ReadableStream pulls its first chunk on construction; nothing more is read.
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    const { stream, pulled } = streamOf(1000, 1024);
    const request = new Request('https://g.test/', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await gatewayErrorOf(readBodyBytes(request, 4096))).status).toBe(413);
    expect(pulled()).toBeLessThan(10);
  });

  it('returns the bytes of a body within the limit', async () => {
    const request = new Request('https://g.test/', { method: 'POST', body: 'hello' });
    expect(new TextDecoder().decode(await readBodyBytes(request, 5))).toBe('hello');
  });
});

describe('readJsonBody', () => {
  it.each([
    ['malformed JSON', '{"model":'],
    ['an array', '[1,2]'],
    ['a string', '"hi"'],
    ['null', 'null'],
  ])('answers %s with a 400', async (_name, body) => {
    const error = await gatewayErrorOf(
      readJsonBody(new Request('https://g.test/', { method: 'POST', body })),
    );
    expect(error.status).toBe(400);
  });

  it('answers invalid UTF-8 with a 400', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(
      (await gatewayErrorOf(readJsonBody(new Request('https://g.test/', { method: 'POST', body })))).status,
    ).toBe(400);
  });

  it('parses an object', async () => {
    const request = new Request('https://g.test/', { method: 'POST', body: '{"model":"m","n":2}' });
    expect(await readJsonBody(request)).toEqual({ model: 'm', n: 2 });
  });
});

describe('readFormBody', () => {
  it('parses multipart and rejects other content types and broken multipart with 400', async () => {
    const form = new FormData();
    form.set('model', 'whisper-1');
    form.set('file', new File([new Uint8Array([1, 2, 3])], 'a.wav', { type: 'audio/wav' }));
    const parsed = await readFormBody(new Request('https://g.test/', { method: 'POST', body: form }), 1024);
    expect(parsed.get('model')).toBe('whisper-1');
    expect(
      (
        await gatewayErrorOf(
          readFormBody(new Request('https://g.test/', { method: 'POST', body: '{}' }), 1024),
        )
      ).status,
    ).toBe(400);
    const broken = new Request('https://g.test/', {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect((await gatewayErrorOf(readFormBody(broken, 1024))).status).toBe(400);
  });
});
