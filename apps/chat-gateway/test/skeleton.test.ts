import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';

import { describe, expect, it } from 'vitest';
import worker from '../src/index';

const simulator = createSimulator();
// The Worker's own default export, run with the bindings and vars of wrangler.jsonc.
const deployed = (exports as unknown as { default: Fetcher }).default;

async function call(path: string, init: RequestInit = {}, overrides: Record<string, unknown> = {}) {
  const context = createExecutionContext();
  const testEnv = { ...env, AI: simulator.binding, GATEWAY_KEYS: 'test-key', ...overrides };
  const response = await worker.fetch(new Request(`https://chat.test${path}`, init), testEnv, context);
  await waitOnExecutionContext(context);
  return response;
}
const authorized = { headers: { authorization: 'Bearer test-key' } };

describe('chat-gateway skeleton', () => {
  it('answers /healthz without a key', async () => {
    const response = await call('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('describes itself at / with its own URL filled in', async () => {
    const body = (await (await call('/')).json()) as {
      name: string;
      clients: { openai_sdk: { baseURL: string } };
    };
    expect(body.name).toBe('chat-gateway');
    expect(body.clients.openai_sdk.baseURL).toBe('https://chat.test/v1');
  });

  it('lists chat, embedding and audio models with OpenAI aliases', async () => {
    const response = await call('/v1/models', authorized);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: Array<{ id: string; object: string }> };
    expect(body.object).toBe('list');
    const ids = body.data.map((model) => model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gpt-4o-mini', 'text-embedding-3-small', 'whisper-1', 'tts-1']),
    );
    expect(ids.some((id) => id.startsWith('@cf/'))).toBe(true);
    expect(ids).not.toContain('@cf/meta/llama-3-8b-instruct');
    expect(ids.some((id) => id.includes('stable-diffusion'))).toBe(false);
  });

  it('refuses /v1/models without a key in the OpenAI envelope', async () => {
    const response = await call('/v1/models');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
  });

  it('answers unknown routes with an OpenAI 404', async () => {
    const response = await call('/v1/nothing-here', authorized);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 503 naming GATEWAY_KEYS when no key is configured', async () => {
    const response = await call('/v1/models', authorized, { GATEWAY_KEYS: '' });
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).toContain('GATEWAY_KEYS');
  });

  it('is reachable as the deployed Worker entry with wrangler.jsonc settings', async () => {
    const response = await deployed.fetch('https://chat.test/v1/models', authorized);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});
