import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config';
import { handlePreflight, withCors } from './cors';

function preflight(origin: string, headers = 'authorization, content-type'): Request {
  return new Request('https://g.test/v1/chat/completions', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

describe('CORS', () => {
  it('answers a preflight with 204 allowing Authorization, Content-Type and x-api-key', () => {
    const response = handlePreflight(preflight('https://chat.example'), parseConfig({}));
    expect(response?.status).toBe(204);
    expect(response?.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response?.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['Authorization', 'Content-Type', 'x-api-key']) expect(allowed).toContain(header);
    expect(response?.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('allows only listed origins when CORS_ORIGINS is a list', () => {
    const config = parseConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(
      handlePreflight(preflight('https://b.example'), config)?.headers.get('access-control-allow-origin'),
    ).toBe('https://b.example');
    expect(
      handlePreflight(preflight('https://evil.example'), config)?.headers.has('access-control-allow-origin'),
    ).toBe(false);
    const response = withCors(
      new Response('x'),
      new Request('https://g.test/', { headers: { origin: 'https://a.example' } }),
      config,
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('leaves other methods to the routes and adds headers to immutable fetch responses', async () => {
    expect(handlePreflight(new Request('https://g.test/'), parseConfig({}))).toBeUndefined();
    const immutable = Response.redirect('https://g.test/elsewhere', 302);
    const response = withCors(immutable, new Request('https://g.test/'), parseConfig({}));
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });
});
