import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GatewayEnv } from '../config/gateway-env';
import { renderDeeplError } from '../deepl/render-deepl-error';
import { testEnv } from '../ledger/ledger.test-helper';
import type { LedgerEnv } from '../ledger/ledger-for';
import { renderOpenAiError } from '../openai/render-openai-error';
import { estimateNeurons } from '../workers-ai/catalog/estimate-neurons';
import { createGatewayRouter } from './create-gateway-router';
import type { GatewayRequest } from './gateway-request';
import { guardBudget } from './guard-budget';
import { noteExhaustion } from './note-exhaustion';
import { requestLedger } from './request-ledger';
import { upstreamFor } from './upstream-for';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';
type Env = GatewayEnv & LedgerEnv;

/** A gateway wired as the apps are: the router's withLedger and /v1/usage, guardBudget, noteExhaustion. */
function createTestGateway() {
  const router = createGatewayRouter<Env>({
    home: { tasks: [], renderDashboard: async () => new Response(''), describe: () => ({}) },
    renderError: (error, request) => {
      noteExhaustion(request, error);
      return new URL(request.url).pathname.startsWith('/v2/')
        ? renderDeeplError(error)
        : renderOpenAiError(error);
    },
  });
  const run = async (request: GatewayRequest) => {
    const result = await upstreamFor(request).run(MODEL, { prompt: 'Say hi [[tokens=20]]' });
    if (result.kind !== 'json') throw new Error('expected JSON');
    const usage = (result.data as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    const neurons = estimateNeurons(MODEL, {
      inputTokens: usage.prompt_tokens,
      outputTokens: usage.completion_tokens,
    });
    void requestLedger(request).charge(new URL(request.url).pathname, MODEL, neurons);
    return Response.json({ neurons });
  };
  router.post('/v1/run', guardBudget, run).post('/v2/translate', guardBudget, run);
  return router;
}

async function call(env: Env, method: string, path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await createTestGateway().fetch(
    new Request(`https://gateway.test${path}`, { method }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

beforeEach(() => {
  // Only Date is faked: each scenario below runs on its own UTC day of the default ledger.
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('withLedger + guardBudget + noteExhaustion in a gateway router', () => {
  it('charges each call, refuses at the budget in the route envelope and shows it on /v1/usage', async () => {
    vi.setSystemTime(new Date('2031-03-01T20:00:00Z'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const simulator = createSimulator();
    const env: Env = {
      ALLOW_ANONYMOUS: 'true',
      DAILY_NEURON_BUDGET: '0.002',
      AI: simulator.binding,
      NEURON_LEDGER: testEnv.NEURON_LEDGER,
    };
    let calls = 0;
    while ((await call(env, 'POST', '/v1/run')).status === 200) calls += 1;
    expect(calls).toBeGreaterThan(0);
    expect(simulator.calls).toHaveLength(calls);

    const refused = await call(env, 'POST', '/v1/run');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(4 * 3600));
    const body = (await refused.json()) as { error: { code: string; type: string; message: string } };
    expect(body.error).toMatchObject({ code: 'insufficient_quota', type: 'insufficient_quota' });
    expect(body.error.message).toContain('resets at 2031-03-02T00:00:00.000Z');
    expect((await call(env, 'POST', '/v2/translate')).status).toBe(456);
    expect(simulator.calls).toHaveLength(calls);

    const usage = (await (await call(env, 'GET', '/v1/usage')).json()) as Record<string, unknown>;
    expect(usage).toMatchObject({
      object: 'neuron_usage',
      date: '2031-03-01',
      budget: 0.002,
      remaining: 0,
      exhausted: false,
      reset_at: '2031-03-02T00:00:00.000Z',
      scope: 'durable-object',
      routes: { '/v1/run': usage.used },
      models: { [MODEL]: usage.used },
    });
    expect(usage.used).toBeCloseTo(simulator.neuronsUsed(), 6);
  });

  it('marks the day exhausted when Workers AI answers 4006, then refuses without calling it', async () => {
    vi.setSystemTime(new Date('2031-03-02T10:00:00Z'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 4006, times: 1 });
    const env: Env = {
      ALLOW_ANONYMOUS: 'true',
      AI: simulator.binding,
      NEURON_LEDGER: testEnv.NEURON_LEDGER,
    };
    expect((await call(env, 'POST', '/v1/run')).status).toBe(429);
    expect(simulator.calls).toHaveLength(1);
    const refused = await call(env, 'POST', '/v2/translate');
    expect(refused.status).toBe(456);
    expect(((await refused.json()) as { message: string }).message).toContain(
      'free neuron allocation used up',
    );
    expect(simulator.calls).toHaveLength(1);
    expect(await (await call(env, 'GET', '/v1/usage')).json()).toMatchObject({
      date: '2031-03-02',
      budget: 10_000,
      used: 0,
      remaining: 0,
      exhausted: true,
    });
  });

  it('falls back to an isolate count without the binding, and says so', async () => {
    vi.setSystemTime(new Date('2031-03-03T10:00:00Z'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const simulator = createSimulator();
    const env: Env = { ALLOW_ANONYMOUS: 'true', AI: simulator.binding };
    expect((await call(env, 'POST', '/v1/run')).status).toBe(200);
    const usage = (await (await call(env, 'GET', '/v1/usage')).json()) as { scope: string; used: number };
    expect(usage.scope).toBe('isolate');
    expect(usage.used).toBeCloseTo(simulator.neuronsUsed(), 6);
  });
});
