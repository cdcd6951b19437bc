import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestGateway, postJson, unique } from './call-worker';

// UPSTREAM_MODE=passthrough: any string passes the gateway's own auth, so text cached for one
// caller must not be served to a token Workers AI never accepted (issue 11 #8).
describe('passthrough: cached translations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('serves cached text only to a token Workers AI accepts', async () => {
    const simulator = createSimulator();
    const gateway = createTestGateway(
      {
        UPSTREAM_MODE: 'passthrough',
        CF_ACCOUNT_ID: 'acct',
        CF_API_BASE: 'http://sim.test/client/v4',
        GATEWAY_KEYS: '',
      },
      simulator,
    );
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      simulator.fetch(new Request(input, init)),
    );
    const text = unique('A sentence somebody paid to translate.');
    const first = await gateway.call(
      `/translate?token=cf-${crypto.randomUUID()}`,
      postJson({ text, target_lang: 'DE' }),
    );
    expect(await first.json()).toMatchObject({ code: 200, data: `[de] ${text}` });
    const calls = gateway.translations().length;

    const forged = await gateway.call(
      '/translate?token=sim-bad-token',
      postJson({ text, target_lang: 'DE' }),
    );
    expect(forged.status).toBe(401);
    expect(JSON.stringify(await forged.json())).not.toContain('[de]');

    // Another real token is served from the cache after one token check, with no new translation.
    const other = await gateway.call(
      `/translate?token=cf-${crypto.randomUUID()}`,
      postJson({ text, target_lang: 'DE' }),
    );
    expect(await other.json()).toMatchObject({ code: 200, data: `[de] ${text}` });
    expect(gateway.translations().length).toBe(calls);
  });
});
