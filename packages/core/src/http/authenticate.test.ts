import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../config/parse-config';
import { GatewayError } from '../errors/gateway-error';
import { authenticate, extractClientKey, matchesAnyKey } from './authenticate';

const keyed = parseConfig({ GATEWAY_KEYS: 'alpha-key, beta-key' });

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof GatewayError)
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
}

describe('authenticate', () => {
  it.each([
    [
      'Authorization: Bearer',
      new Request('https://g.test/v1/models', { headers: { authorization: 'Bearer beta-key' } }),
    ],
    [
      'lower-case bearer',
      new Request('https://g.test/v1/models', { headers: { authorization: 'bearer alpha-key' } }),
    ],
    ['x-api-key', new Request('https://g.test/v1/models', { headers: { 'x-api-key': 'alpha-key' } })],
    ['?key=', new Request('https://g.test/v1/models?key=beta-key')],
  ])('accepts the key in %s', async (_place, request) => {
    expect(await authenticate(request, keyed)).toEqual({ kind: 'key' });
  });

  it('accepts ?token= and DeepL-Auth-Key only where the DeepL forms are enabled', async () => {
    const token = new Request('https://g.test/translate?token=alpha-key');
    const deepl = new Request('https://g.test/v2/translate', {
      headers: { authorization: 'DeepL-Auth-Key beta-key' },
    });
    expect(await authenticate(token, keyed, { deeplForms: true })).toEqual({ kind: 'key' });
    expect(await authenticate(deepl, keyed, { deeplForms: true })).toEqual({ kind: 'key' });
    expect(await outcome(authenticate(token, keyed))).toMatchObject({ status: 401 });
    expect(await outcome(authenticate(deepl, keyed))).toMatchObject({ status: 401 });
  });

  it('rejects a wrong key and a missing key with 401 without echoing the key', async () => {
    const wrong = new Request('https://g.test/', { headers: { authorization: 'Bearer alpha-keyX' } });
    const result = await outcome(authenticate(wrong, keyed));
    expect(result).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(JSON.stringify(result)).not.toContain('alpha-key');
    expect(await outcome(authenticate(new Request('https://g.test/'), keyed))).toMatchObject({
      status: 401,
      message: expect.stringContaining('Missing API key'),
    });
  });

  it('is secure by default: no keys and no ALLOW_ANONYMOUS answers 503 naming the settings', async () => {
    const result = await outcome(authenticate(new Request('https://g.test/'), parseConfig({})));
    expect(result).toMatchObject({ status: 503, code: 'configuration_error' });
    expect(JSON.stringify(result)).toContain('GATEWAY_KEYS');
    expect(JSON.stringify(result)).toContain('ALLOW_ANONYMOUS');
  });

  it('serves anonymously when ALLOW_ANONYMOUS=true, but still rejects a wrong key when keys exist', async () => {
    expect(
      await authenticate(new Request('https://g.test/'), parseConfig({ ALLOW_ANONYMOUS: 'true' })),
    ).toEqual({
      kind: 'anonymous',
    });
    const both = parseConfig({ ALLOW_ANONYMOUS: 'true', GATEWAY_KEYS: 'k1' });
    expect(await authenticate(new Request('https://g.test/'), both)).toEqual({ kind: 'anonymous' });
    const wrong = new Request('https://g.test/', { headers: { 'x-api-key': 'nope' } });
    expect(await outcome(authenticate(wrong, both))).toMatchObject({ status: 401 });
  });

  it('in passthrough mode forwards the bearer token as the caller Cloudflare token', async () => {
    const config = parseConfig({ UPSTREAM_MODE: 'passthrough', CF_ACCOUNT_ID: 'acct' });
    const request = new Request('https://g.test/', { headers: { authorization: 'Bearer cf-token-123' } });
    const caller = await authenticate(request, config);
    expect(caller).toMatchObject({ kind: 'passthrough', token: 'cf-token-123' });
    // The tenant key is a digest: stable per token, distinct between tokens, never the token.
    const again = await authenticate(request.clone(), config);
    const other = await authenticate(
      new Request('https://g.test/', { headers: { authorization: 'Bearer cf-token-456' } }),
      config,
    );
    if (caller.kind !== 'passthrough' || again.kind !== 'passthrough' || other.kind !== 'passthrough') {
      throw new Error('expected passthrough callers');
    }
    expect(caller.tenant).toMatch(/^[0-9a-f]{32}$/);
    expect(again.tenant).toBe(caller.tenant);
    expect(other.tenant).not.toBe(caller.tenant);
    expect(await outcome(authenticate(new Request('https://g.test/'), config))).toMatchObject({
      status: 401,
    });
  });

  it('ignores cookies', () => {
    const request = new Request('https://g.test/', { headers: { cookie: 'key=alpha-key; token=alpha-key' } });
    expect(extractClientKey(request, { deeplForms: true })).toBeUndefined();
  });
});

describe('matchesAnyKey', () => {
  it('compares every configured key through timingSafeEqual on equal-length digests', async () => {
    const spy = vi.spyOn(crypto.subtle, 'timingSafeEqual');
    expect(await matchesAnyKey('first', ['first', 'a-much-longer-second-key', 'x'])).toBe(true);
    // No early exit on the first match, and lengths never differ because digests are compared.
    expect(spy).toHaveBeenCalledTimes(3);
    for (const [left, right] of spy.mock.calls) {
      expect((left as ArrayBuffer).byteLength).toBe(32);
      expect((right as ArrayBuffer).byteLength).toBe(32);
    }
    spy.mockRestore();
    expect(await matchesAnyKey('firs', ['first'])).toBe(false);
    expect(await matchesAnyKey('', ['first'])).toBe(false);
  });
});
