import { sharedLedger, useLedgerTestDay } from '@workers-ai-gateways/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { createTestGateway, postJson, unique } from './call-worker';

const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };

useLedgerTestDay();

describe('non-canonical paths in translate-gateway (issue 11, item 1)', () => {
  it('charges every translate route with 200 trailing slashes under its route name, never dropping the charge', async () => {
    const now = Date.parse('2032-03-10T12:00:00Z');
    vi.setSystemTime(now);
    const gateway = createTestGateway();
    const slashes = '/'.repeat(200);
    const text = () => unique('A sentence sent through a path with trailing slashes.');
    const requests: Array<[string, RequestInit]> = [
      [
        `/translate${slashes}?token=test-key`,
        postJson({ text: text(), source_lang: 'EN', target_lang: 'DE' }),
      ],
      [
        `/v1/translate${slashes}?token=test-key`,
        postJson({ text: text(), source_lang: 'EN', target_lang: 'DE' }),
      ],
      [
        `/v2/translate${slashes}`,
        postJson({ text: [text()], target_lang: 'DE', source_lang: 'EN' }, deeplAuth),
      ],
      [
        `/imme${slashes}?token=test-key`,
        postJson({ source_lang: 'en', target_lang: 'de', text_list: [text()] }),
      ],
    ];
    for (const [path, init] of requests) {
      expect((await gateway.call(path, init)).status, path.slice(0, 20)).toBe(200);
    }
    const usage = await sharedLedger().usage({ now });
    expect(Object.keys(usage.routes).sort()).toEqual([
      '/imme',
      '/translate',
      '/v1/translate',
      '/v2/translate',
    ]);
    expect(Object.values(usage.routes).every((neurons) => neurons > 0)).toBe(true);
  });

  it('answers doubled inner slashes with 404 and calls nothing', async () => {
    const gateway = createTestGateway();
    const body = { text: 'Hello', source_lang: 'EN', target_lang: 'DE' };
    for (const path of ['//translate?token=test-key', '/v2//translate', '/v1//translate?token=test-key']) {
      expect((await gateway.call(path, postJson(body, deeplAuth))).status, path).toBe(404);
    }
    expect(gateway.simulator.calls).toHaveLength(0);
  });

  it('answers /v1/usage/ in the same envelope as /v1/usage', async () => {
    const gateway = createTestGateway();
    const canonical = await gateway.call('/v1/usage', { headers: { authorization: 'Bearer wrong' } });
    const slashed = await gateway.call('/v1/usage//', { headers: { authorization: 'Bearer wrong' } });
    expect(slashed.status).toBe(canonical.status);
    expect(await slashed.json()).toEqual(await canonical.json());
  });
});

describe('HEAD in translate-gateway (issue 11, item 12)', () => {
  it('answers HEAD /healthz and HEAD / like GET, without a body', async () => {
    const gateway = createTestGateway();
    for (const path of ['/healthz', '/']) {
      const get = await gateway.call(path);
      const head = await gateway.call(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(await head.text(), path).toBe('');
    }
  });
});
