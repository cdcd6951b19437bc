import { sharedLedger, useLedgerTestDay } from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it, vi } from 'vitest';
import { gatewayFetch, testEnv } from './helpers';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';
const chat = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi [[tokens=20]]' }] }),
};

useLedgerTestDay();

describe('non-canonical paths in chat-gateway (issue 11, item 1)', () => {
  it('charges a path with 200 trailing slashes under the route it was served by, never dropping the charge', async () => {
    const now = Date.parse('2032-01-10T12:00:00Z');
    vi.setSystemTime(now);
    const simulator = createSimulator();
    const fetchGateway = gatewayFetch(testEnv(simulator));

    const response = await fetchGateway(`/v1/chat/completions${'/'.repeat(200)}`, chat);
    expect(response.status).toBe(200);
    expect(simulator.calls).toHaveLength(1);
    const usage = await sharedLedger().usage({ now });
    expect(Object.keys(usage.routes)).toEqual(['/v1/chat/completions']);
    expect(usage.routes['/v1/chat/completions']).toBeGreaterThan(0);
  });

  it('refuses a spent budget on a trailing-slash path exactly as on the canonical one', async () => {
    vi.setSystemTime(new Date('2032-01-11T12:00:00Z'));
    const simulator = createSimulator();
    // Admitted under a budget its worst case fits, then charged: past a budget of 0.001.
    const admitted = gatewayFetch(testEnv(simulator, { DAILY_NEURON_BUDGET: '1000' }));
    expect((await admitted('/v1/chat/completions//', chat)).status).toBe(200);
    const fetchGateway = gatewayFetch(testEnv(simulator, { DAILY_NEURON_BUDGET: '0.001' }));
    expect((await fetchGateway(`/v1/chat/completions${'/'.repeat(50)}`, chat)).status).toBe(429);
    expect(simulator.calls).toHaveLength(1);
  });

  it('answers doubled inner slashes with 404 and calls nothing', async () => {
    const simulator = createSimulator();
    const fetchGateway = gatewayFetch(testEnv(simulator));
    for (const path of ['/v1//chat/completions', '//v1/chat/completions', '/v1/chat//completions']) {
      expect((await fetchGateway(path, chat)).status, path).toBe(404);
    }
    expect(simulator.calls).toHaveLength(0);
  });

  it('serves /healthz/ without a key, like /healthz', async () => {
    const fetchGateway = gatewayFetch(testEnv(createSimulator()));
    const response = await fetchGateway('/healthz/', { headers: { authorization: 'Bearer nope' } });
    expect(response.status).toBe(200);
  });
});

describe('HEAD in chat-gateway (issue 11, item 12)', () => {
  it('answers HEAD /healthz and HEAD / like GET, without a body', async () => {
    const fetchGateway = gatewayFetch(testEnv(createSimulator()));
    for (const path of ['/healthz', '/']) {
      const get = await fetchGateway(path);
      const head = await fetchGateway(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(await head.text(), path).toBe('');
    }
  });
});
