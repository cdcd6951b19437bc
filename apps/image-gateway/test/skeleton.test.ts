import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';

import worker from '../src/index';

const simulator = createSimulator();
// The Worker's own default export, run with the bindings and vars of wrangler.jsonc.
const deployed = (exports as unknown as { default: Fetcher }).default;

async function call(path: string, init: RequestInit = {}) {
  const context = createExecutionContext();
  const testEnv = { ...env, AI: simulator.binding, GATEWAY_KEYS: 'test-key' };
  const response = await worker.fetch(new Request(`https://image.test${path}`, init), testEnv, context);
  await waitOnExecutionContext(context);
  return response;
}

describe('image-gateway skeleton', () => {
  it('answers /healthz and / without a key', async () => {
    expect((await call('/healthz')).status).toBe(200);
    expect(await (await call('/')).json()).toMatchObject({ name: 'image-gateway' });
  });

  it('lists image models and the dall-e aliases only', async () => {
    const response = await call('/v1/models', { headers: { 'x-api-key': 'test-key' } });
    const body = (await response.json()) as { data: Array<{ id: string }> };
    const ids = body.data.map((model) => model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['dall-e-2', 'dall-e-3', '@cf/black-forest-labs/flux-1-schnell']),
    );
    expect(ids.some((id) => id.includes('llama'))).toBe(false);
  });

  it('answers preflights and unknown routes in the OpenAI envelope', async () => {
    const preflight = await call('/v1/images/generations', {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const missing = await deployed.fetch('https://image.test/nope?key=test-key');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
