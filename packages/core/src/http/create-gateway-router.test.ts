import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatewayError } from '../errors/gateway-error';
import { renderOpenAiError } from '../openai/render-openai-error';
import { createGatewayRouter } from './create-gateway-router';
import type { GatewayHome } from './gateway-home';

const home: GatewayHome = {
  tasks: ['translation'],
  renderDashboard: async (options) => new Response(`<p>${options.origin} ${options.models.length}</p>`),
  describe: ({ origin, config, models }) => ({
    name: 'test-gateway',
    origin,
    mode: config.upstreamMode,
    models,
  }),
};

const router = createGatewayRouter({ renderError: renderOpenAiError, home });
router
  .get('/ok', () => Response.json({ ok: true }))
  .get('/boom', () => {
    throw new TypeError('secret-token-value leaked? at Object.<anonymous> (worker.js:1:1)');
  })
  .get('/upstream', () => {
    throw new GatewayError(502, 'upstream_error', 'Workers AI failed.', {
      cause: { httpStatus: 500, code: 3040, message: 'AiError: no capacity' },
    });
  })
  .get('/teapot', () => {
    throw new GatewayError(418, 'teapot', 'I am a teapot', { param: 'kettle', retryAfter: 3 });
  });

const context = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
const env = { GATEWAY_KEYS: 'good-key', CF_API_TOKEN: 'secret-token-value' };

function call(path: string, init: RequestInit = {}, environment: Record<string, string> = env) {
  return router.fetch(new Request(`https://g.test${path}`, init), environment, context) as Promise<Response>;
}

const authorized = { headers: { authorization: 'Bearer good-key' } };

afterEach(() => vi.restoreAllMocks());

describe('createGatewayRouter', () => {
  it("logs an upstream failure's cause as JSON, not [object Object]", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await call('/upstream', authorized);
    expect(response.status).toBe(502);
    const line = logged.mock.calls.map((args) => String(args[0])).find((text) => text.includes('cause'));
    expect(line).toContain('\\"code\\":3040');
    expect(line).not.toContain('[object Object]');
  });

  it('serves GET /healthz and GET / without a key, and GET /v1/usage with one', async () => {
    expect(await (await call('/healthz')).json()).toEqual({ status: 'ok' });
    const home = await call('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('vary')).toBe('Accept');
    expect(await home.json()).toEqual({
      name: 'test-gateway',
      origin: 'https://g.test',
      mode: 'binding',
      models: ['@cf/meta/m2m100-1.2b'],
    });
    const page = await call('/', { headers: { accept: 'text/html' } });
    expect(await page.text()).toBe('<p>https://g.test 1</p>');
    expect((await call('/v1/usage')).status).toBe(401);
    const usage = await call('/v1/usage', authorized);
    expect(usage.status).toBe(200);
    expect(await usage.json()).toMatchObject({ object: 'neuron_usage', scope: 'isolate' });
  });

  it('serves routes with CORS and a request id once authenticated', async () => {
    const response = await call('/ok', authorized);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers unknown routes with 404 in the envelope, with CORS and request id', async () => {
    const response = await call('/nope', authorized);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 'not_found', type: 'invalid_request_error' },
    });
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('renders GatewayErrors with param and Retry-After', async () => {
    const response = await call('/teapot', authorized);
    expect(response.status).toBe(418);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({
      error: { message: 'I am a teapot', type: 'invalid_request_error', param: 'kettle', code: 'teapot' },
    });
  });

  it('turns an unexpected exception into an opaque 500 with no stack or secret', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await call('/boom', authorized);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret-token-value');
    expect(text).not.toContain('worker.js');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal_error', type: 'api_error' } });
  });

  it('refuses without a key, and serves / and /healthz-style public paths without one', async () => {
    expect((await call('/ok')).status).toBe(401);
    expect((await call('/')).status).toBe(200);
    expect((await call('/healthz')).status).toBe(200);
  });

  it('answers every request with a 503 naming a bad setting, never its secret', async () => {
    const response = await call('/ok', authorized, {
      UPSTREAM_MODE: 'rest',
      CF_API_TOKEN: 'secret-token-value',
    });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('CF_ACCOUNT_ID');
    expect(text).not.toContain('secret-token-value');
  });

  it('answers preflights without a key', async () => {
    const response = await call('/ok', {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('logs one JSON line per request without keys or bodies', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await call('/ok?key=good-key', { method: 'GET', headers: { 'x-api-key': 'good-key' } });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toMatchObject({ method: 'GET', route: '/ok', status: 200 });
    expect(line).not.toContain('good-key');
  });
});
