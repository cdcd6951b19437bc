import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatewayFetch, testEnv } from './helpers';

interface ModelList {
  data: {
    id: string;
    paid_only?: boolean;
    planned_deprecation_date?: string;
    capabilities?: { tools: boolean; reasoning: boolean };
    context_window?: number;
  }[];
}

const simulator = createSimulator();

/** A REST-mode gateway of its own account, so that no two tests share a cached model list. */
function restEnv(overrides: Record<string, unknown> = {}) {
  return testEnv(simulator, {
    UPSTREAM_MODE: 'rest',
    CF_ACCOUNT_ID: `acct-${crypto.randomUUID()}`,
    CF_API_TOKEN: 'tok',
    CF_API_BASE: 'http://sim.test/client/v4',
    ...overrides,
  });
}

async function listed(environment: Record<string, unknown>): Promise<ModelList['data']> {
  const response = await gatewayFetch(environment)('/v1/models');
  expect(response.status).toBe(200);
  return ((await response.json()) as ModelList).data;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2031-07-01T08:00:00Z'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    simulator.fetch(new Request(input, init)),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  simulator.reset();
});

describe('the live model list', () => {
  it('lists new models with their capabilities, marks, and drops those removed upstream', async () => {
    simulator.listModel({
      name: '@cf/example/new-chat',
      task: 'Text Generation',
      description: 'A model Cloudflare added today.',
      properties: [
        { property_id: 'context_window', value: '65536' },
        { property_id: 'function_calling', value: 'true' },
        { property_id: 'reasoning', value: 'true' },
        { property_id: 'planned_deprecation_date', value: '2032-01-31' },
      ],
    });
    simulator.unlistModel('@cf/meta/llama-3.2-1b-instruct');
    const models = await listed(restEnv());
    const added = models.find((model) => model.id === '@cf/example/new-chat');
    expect(added).toMatchObject({
      context_window: 65536,
      capabilities: { tools: true, reasoning: true },
      planned_deprecation_date: '2032-01-31',
    });
    expect(models.find((model) => model.id === '@cf/moonshotai/kimi-k2.6')?.paid_only).toBe(true);
    expect(models.some((model) => model.id === '@cf/meta/llama-3.2-1b-instruct')).toBe(false);
    // Aliases stay, and a removed model still resolves through its remap when asked for.
    expect(models.some((model) => model.id === 'gpt-4o-mini')).toBe(true);
  });

  it('makes a new model usable the day it is listed', async () => {
    simulator.listModel({ name: '@cf/meta/llama-3.2-3b-instruct', task: 'Text Generation' });
    const response = await gatewayFetch(restEnv())('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: '@cf/meta/llama-3.2-3b-instruct',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(response.status).toBe(200);
  });

  it('is read once an hour: a model added meanwhile appears once the hour is over', async () => {
    const environment = restEnv();
    const account = environment.CF_ACCOUNT_ID;
    await listed(environment);
    simulator.listModel({ name: '@cf/example/later', task: 'Text Generation' });
    // Another isolate (a fresh env) of the same account reads the Cache API's copy.
    const cachedIsolate = restEnv({ CF_ACCOUNT_ID: account });
    expect((await listed(cachedIsolate)).some((model) => model.id === '@cf/example/later')).toBe(false);
    vi.setSystemTime(new Date('2031-07-01T09:00:01Z'));
    expect((await listed(cachedIsolate)).some((model) => model.id === '@cf/example/later')).toBe(true);
  });

  it('answers with the built-in catalog when the search fails', async () => {
    simulator.injectFault({ kind: 'status', code: 500, model: 'models/search' });
    const models = await listed(restEnv());
    // granite is in the catalog and not in the simulator's search list: only the catalog lists it.
    expect(models.some((model) => model.id === '@cf/ibm-granite/granite-4.0-h-micro')).toBe(true);
  });

  it('never lets an alias or a fallback choose a Paid-only model on the Free plan', async () => {
    simulator.listModel({
      name: '@cf/meta/llama-3.2-3b-instruct',
      task: 'Text Generation',
      properties: [{ property_id: 'require_workers_paid', value: 'true' }],
    });
    const environment = restEnv({
      WORKERS_PLAN: 'free',
      MODEL_ALIASES: JSON.stringify({ small: '@cf/meta/llama-3.2-3b-instruct' }),
      MODEL_FALLBACKS: JSON.stringify({ small: ['@cf/meta/llama-3.2-1b-instruct'] }),
    });
    const response = await gatewayFetch(environment)('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'small', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { model: string }).model).toBe('@cf/meta/llama-3.2-1b-instruct');
    expect(simulator.calls.map((call) => call.model)).toEqual(['@cf/meta/llama-3.2-1b-instruct']);
  });
});
