import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callWorker, testEnv } from './helpers';

// UPSTREAM_MODE=passthrough: each caller's bearer token is their own Cloudflare token, and any
// string passes the gateway's own auth. Nothing kept for one token may reach another (issue 11 #8).
const simulator = createSimulator();

beforeEach(() => {
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    simulator.fetch(new Request(input, init)),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  simulator.reset();
});

const environment = () =>
  testEnv(simulator, {
    UPSTREAM_MODE: 'passthrough',
    CF_ACCOUNT_ID: 'acct',
    CF_API_BASE: 'http://sim.test/client/v4',
    GATEWAY_KEYS: '',
    DAILY_NEURON_BUDGET: '1000000',
  });

function call(env: Record<string, unknown>, token: string, path: string, body?: unknown): Promise<Response> {
  return callWorker(
    new Request(`https://chat.test${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    env,
  );
}

const chat = { model: '@cf/meta/llama-3.2-1b-instruct', messages: [{ role: 'user', content: 'hi' }] };
const token = () => `cf-${crypto.randomUUID()}`;

describe('passthrough tenancy', () => {
  it("shows each token its own usage, and a token Workers AI rejects gets 401, not someone's usage", async () => {
    const env = environment();
    const alice = token();
    expect((await call(env, alice, '/v1/chat/completions', chat)).status).toBe(200);
    const aliceUsage = (await (await call(env, alice, '/v1/usage')).json()) as { used: number };
    expect(aliceUsage.used).toBeGreaterThan(0);

    const bob = await call(env, token(), '/v1/usage');
    expect(bob.status).toBe(200);
    expect(((await bob.json()) as { used: number }).used).toBe(0);

    const forged = await call(env, 'sim-bad-token', '/v1/usage');
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
  });

  it("keeps one token's Workers AI exhaustion (4006) to that token", async () => {
    const env = environment();
    const alice = token();
    const bob = token();
    simulator.injectFault({ kind: 'status', code: 4006, times: 1 });
    expect((await call(env, alice, '/v1/chat/completions', chat)).status).toBe(429);
    const callsBefore = simulator.calls.length;
    const refused = await call(env, alice, '/v1/chat/completions', chat);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'insufficient_quota' } });
    expect(simulator.calls.length).toBe(callsBefore);

    const served = await call(env, bob, '/v1/chat/completions', chat);
    expect(served.status).toBe(200);
    expect(simulator.calls.length).toBe(callsBefore + 1);
  });
});
