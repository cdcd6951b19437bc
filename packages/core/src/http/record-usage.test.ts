import { describe, expect, it, vi } from 'vitest';
import { configWithBudget } from '../ledger/ledger.test-helper';
import { estimateNeurons } from '../workers-ai/catalog/estimate-neurons';
import type { GatewayRequest } from './gateway-request';
import { recordUsage } from './record-usage';
import { requestLedger } from './request-ledger';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';

// A request as the router hands it to a route (`route` is the matched pattern), with an
// isolate-scoped ledger attached.
function routeRequest(path: string): GatewayRequest {
  const request = {
    url: `https://gateway.example${path}`,
    route: path,
    gateway: {
      id: `request-${crypto.randomUUID()}`,
      startedAt: 0,
      config: configWithBudget(0),
      caller: undefined,
    },
  } as unknown as GatewayRequest;
  requestLedger(request, {});
  return request;
}

describe('recordUsage (the one usage path of every route)', () => {
  it('charges the ledger unrounded under the route and logs the rounded figure', async () => {
    const request = routeRequest('/v1/embeddings');
    const usage = { inputTokens: 123, outputTokens: 45 };
    const before = await requestLedger(request).usage();
    const logged = recordUsage(request, { model: MODEL, usage });
    const exact = estimateNeurons(MODEL, usage);
    expect(logged).toBe(Math.round(exact * 10_000) / 10_000);
    expect(request.gateway).toMatchObject({ model: MODEL, neurons: logged });
    const after = await requestLedger(request).usage();
    expect(after.used - before.used).toBeCloseTo(exact, 10);
    expect((after.routes['/v1/embeddings'] ?? 0) - (before.routes['/v1/embeddings'] ?? 0)).toBeCloseTo(
      exact,
      10,
    );
  });

  it('prefers the neurons Workers AI reported, and only logs when told not to charge', async () => {
    const request = routeRequest('/v1/images/generations');
    const before = await requestLedger(request).usage();
    expect(
      recordUsage(
        request,
        { model: MODEL, usage: { inputTokens: 1, outputTokens: 1 }, reportedNeurons: 7.123456 },
        { charge: false },
      ),
    ).toBe(7.1235);
    expect((await requestLedger(request).usage()).used).toBe(before.used);
  });

  it('adds one record per call to the logged figure, and writes a stream_end line after the response', async () => {
    const request = routeRequest('/translate');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    recordUsage(
      request,
      { model: MODEL, usage: { inputTokens: 0, outputTokens: 0 }, reportedNeurons: 1.5 },
      { add: true },
    );
    recordUsage(
      request,
      { model: MODEL, usage: { inputTokens: 0, outputTokens: 0 }, reportedNeurons: 2.25 },
      { add: true },
    );
    expect(request.gateway.neurons).toBe(3.75);
    expect(log).not.toHaveBeenCalled();
    recordUsage(
      request,
      { model: MODEL, usage: { inputTokens: 0, outputTokens: 0 }, reportedNeurons: 1 },
      { afterResponse: true },
    );
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toEqual({
      id: request.gateway.id,
      event: 'stream_end',
      model: MODEL,
      neurons: 1,
    });
    log.mockRestore();
  });
});
