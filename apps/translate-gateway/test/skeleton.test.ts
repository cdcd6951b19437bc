import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';
import worker from '../src/index';

const simulator = createSimulator();

async function call(path: string, init: RequestInit = {}) {
  const context = createExecutionContext();
  const testEnv = { ...env, AI: simulator.binding, GATEWAY_KEYS: 'test-key' };
  const response = await worker.fetch(new Request(`https://translate.test${path}`, init), testEnv, context);
  await waitOnExecutionContext(context);
  return response;
}

describe('translate-gateway skeleton', () => {
  it('answers / with a DeepLX-style JSON banner', async () => {
    expect(await (await call('/')).json()).toMatchObject({ code: 200, name: 'translate-gateway' });
  });

  it('accepts ?token= and DeepL-Auth-Key, and lists m2m100', async () => {
    const byToken = await call('/v1/models?token=test-key');
    expect(byToken.status).toBe(200);
    const body = (await byToken.json()) as { data: Array<{ id: string }> };
    expect(body.data.map((model) => model.id)).toContain('@cf/meta/m2m100-1.2b');
    const byDeepl = await call('/v1/models', { headers: { authorization: 'DeepL-Auth-Key test-key' } });
    expect(byDeepl.status).toBe(200);
  });

  it('speaks DeepLX errors on DeepLX paths and DeepL errors on /v2', async () => {
    const deeplx = await call('/unknown?token=test-key');
    expect(deeplx.status).toBe(404);
    expect(await deeplx.json()).toMatchObject({ code: 404 });
    const badToken = await call('/translate?token=wrong', { method: 'POST', body: '{}' });
    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toMatchObject({ code: 401 });
    const deepl = await call('/v2/translate', {
      method: 'POST',
      headers: { authorization: 'DeepL-Auth-Key wrong' },
    });
    expect(deepl.status).toBe(403);
    expect(await deepl.json()).toHaveProperty('message');
  });
});
