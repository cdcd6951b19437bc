import { callWorkerAndRead, sharedLedger, useLedgerTestDay } from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it, vi } from 'vitest';
import worker from '../src/index';
import { authorized, bindingEnv } from './helpers';

const generation: RequestInit = {
  method: 'POST',
  headers: { ...authorized, 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'dall-e-3', prompt: 'a lighthouse at dusk', response_format: 'b64_json' }),
};

function send(environment: object, path: string, init: RequestInit = {}) {
  return callWorkerAndRead(worker, new Request(`https://image.test${path}`, init), environment);
}

useLedgerTestDay();

describe('non-canonical paths in image-gateway (issue 11, item 1)', () => {
  it('charges /v1/images/generations with 200 trailing slashes under its route, never dropping the charge', async () => {
    const now = Date.parse('2032-02-10T12:00:00Z');
    vi.setSystemTime(now);
    const simulator = createSimulator();
    const environment = bindingEnv({ AI: simulator.binding });
    const { response } = await send(environment, `/v1/images/generations${'/'.repeat(200)}`, generation);
    expect(response.status).toBe(200);
    expect(simulator.calls).toHaveLength(1);
    const usage = await sharedLedger().usage({ now });
    expect(Object.keys(usage.routes)).toEqual(['/v1/images/generations']);
    expect(usage.routes['/v1/images/generations']).toBeGreaterThan(0);
  });

  it('answers doubled inner slashes with 404 and calls nothing', async () => {
    const simulator = createSimulator();
    const environment = bindingEnv({ AI: simulator.binding });
    for (const path of ['/v1//images/generations', '//v1/images/generations', '/v1/images//generations']) {
      expect((await send(environment, path, generation)).response.status, path).toBe(404);
    }
    expect(simulator.calls).toHaveLength(0);
  });
});

describe('HEAD in image-gateway (issue 11, item 12)', () => {
  it('answers HEAD /healthz and HEAD / like GET, without a body', async () => {
    const environment = bindingEnv();
    for (const path of ['/healthz', '/', '/healthz/']) {
      const get = await send(environment, path);
      const head = await send(environment, path, { method: 'HEAD' });
      expect(head.response.status, path).toBe(200);
      expect(head.response.headers.get('content-type'), path).toBe(get.response.headers.get('content-type'));
      expect(head.text, path).toBe('');
    }
  });
});
