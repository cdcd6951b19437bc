import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../testing/gateway-error-of';
import { WORKERS_AI_ERROR_CASES } from '../../testing/workers-ai-error-cases';
import { createWorkersAiClient } from './create-workers-ai-client';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';
const TOKEN = 'sim-token-abcdef';

type Simulator = ReturnType<typeof createSimulator>;

function clientFor(sim: Simulator, mode: 'binding' | 'rest', gatewayId?: string) {
  const gateway = gatewayId === undefined ? {} : { gatewayId };
  if (mode === 'binding') return createWorkersAiClient({ mode, binding: sim.binding, ...gateway });
  return createWorkersAiClient({
    mode,
    accountId: 'acct',
    apiToken: TOKEN,
    apiBase: 'http://sim.test/client/v4',
    fetch: (input, init) => sim.fetch(new Request(input, init)),
    ...gateway,
  });
}

describe.each(['binding', 'rest'] as const)('createWorkersAiClient against the simulator over %s', (mode) => {
  it.each(WORKERS_AI_ERROR_CASES)('maps injected %i to %i %s', async (code, status, errorCode) => {
    const sim = createSimulator();
    sim.injectFault({ kind: 'status', code, times: 2 });
    const error = await gatewayErrorOf(clientFor(sim, mode).run(MODEL, { prompt: 'hi' }, { retry: false }));
    expect([error.status, error.code]).toEqual([status, errorCode]);
    expect(error.message).not.toContain(TOKEN);
  });

  it('retries once on 3040 and 500, then succeeds; never on 4006', async () => {
    for (const code of [3040, 500]) {
      const sim = createSimulator();
      sim.injectFault({ kind: 'status', code, times: 1 });
      expect((await clientFor(sim, mode).run(MODEL, { prompt: 'hi' })).kind).toBe('json');
      expect(sim.calls).toHaveLength(2);
    }
    const sim = createSimulator();
    sim.injectFault({ kind: 'status', code: 4006, times: 2 });
    await gatewayErrorOf(clientFor(sim, mode).run(MODEL, { prompt: 'hi' }));
    expect(sim.calls).toHaveLength(1);
  });

  it('never retries a stream', async () => {
    const sim = createSimulator();
    sim.injectFault({ kind: 'status', code: 3040, times: 2 });
    await gatewayErrorOf(clientFor(sim, mode).run(MODEL, { prompt: 'hi' }, { stream: true }));
    expect(sim.calls).toHaveLength(1);
  });

  it('retries a connection reset before the first byte once, streamed or not', async () => {
    for (const stream of [false, true]) {
      const sim = createSimulator();
      sim.injectFault({ kind: 'reset', model: MODEL });
      const result = await clientFor(sim, mode).run(MODEL, { prompt: 'hi' }, { stream });
      expect(result.kind).toBe(stream ? 'stream' : 'json');
      expect(sim.calls).toHaveLength(2);
    }
    const sim = createSimulator();
    sim.injectFault({ kind: 'reset', model: MODEL, times: 2 });
    const error = await gatewayErrorOf(clientFor(sim, mode).run(MODEL, { prompt: 'hi' }, { stream: true }));
    expect([error.status, error.code]).toEqual([502, 'upstream_unreachable']);
    expect(sim.calls).toHaveLength(2);
  });

  it('routes through the AI Gateway', async () => {
    const sim = createSimulator();
    await clientFor(sim, mode, 'gw-1').run(MODEL, { prompt: 'hi' });
    expect(sim.calls[0]).toMatchObject({ via: mode, gatewayId: 'gw-1' });
  });

  it('returns streams as raw SSE bytes ending with [DONE]', async () => {
    const sim = createSimulator();
    const result = await clientFor(sim, mode).run(MODEL, { prompt: 'hi' }, { stream: true });
    if (result.kind !== 'stream') throw new Error(`expected a stream, got ${result.kind}`);
    const text = await new Response(result.body).text();
    expect(text).toMatch(/^data: \{/);
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('returns SD images as PNG bytes', async () => {
    const sim = createSimulator();
    const result = await clientFor(sim, mode).run('@cf/bytedance/stable-diffusion-xl-lightning', {
      prompt: 'a cat',
    });
    expect(result).toMatchObject({ kind: 'binary', contentType: 'image/png' });
  });
});

describe('createWorkersAiClient against the simulator in passthrough mode', () => {
  it('answers 401 for a token Cloudflare rejects, without echoing it', async () => {
    const sim = createSimulator();
    const client = createWorkersAiClient({
      mode: 'passthrough',
      accountId: 'acct',
      apiBase: 'http://sim.test/client/v4',
      fetch: (input, init) => sim.fetch(new Request(input, init)),
    });
    const error = await gatewayErrorOf(client.run(MODEL, { prompt: 'hi' }, { token: 'sim-bad-token' }));
    expect([error.status, error.code, error.upstreamCode]).toEqual([401, 'invalid_api_key', 10000]);
    expect(error.message).not.toContain('sim-bad-token');
  });
});
