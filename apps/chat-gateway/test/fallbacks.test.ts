import { callWorkerAndRead, sharedLedger, useLedgerTestDay } from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it, vi } from 'vitest';
import worker from '../src/index';
import { gatewayFetch, readEvents, testEnv } from './helpers';

const STRONG = '@cf/openai/gpt-oss-120b';
const SECOND = '@cf/meta/llama-3.3-70b-instruct-fp8-fast';
const THIRD = '@cf/google/gemma-4-26b-a4b-it';
const KIMI = '@cf/moonshotai/kimi-k2.6';

function chat(model: string, extra: Record<string, unknown> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], ...extra }),
  };
}

/** Collects the request log lines written from now on. */
function captureLogLines(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    const parsed = JSON.parse(String(line)) as Record<string, unknown>;
    if (parsed.route !== undefined) lines.push(parsed);
  });
  return lines;
}

useLedgerTestDay();

describe('fallback chains', () => {
  it('answers gpt-4o from the next model of its chain when the first is busy, and says so', async () => {
    const simulator = createSimulator();
    const logLines = captureLogLines();
    simulator.injectFault({ kind: 'busy', model: STRONG, ms: 10_000 });
    const response = await gatewayFetch(testEnv(simulator))('/v1/chat/completions', chat('gpt-4o'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${STRONG} -> ${SECOND} (busy)`);
    const body = (await response.json()) as { model: string; choices: { message: { content: string } }[] };
    expect(body.model).toBe(SECOND);
    expect(body.choices[0]?.message.content).toContain('llama-3.3-70b');
    // rejectIfBusy made the busy model answer at once instead of queueing for 10 s.
    expect(simulator.calls.map((call) => [call.model, call.rejectIfBusy])).toEqual([
      [STRONG, true],
      [SECOND, true],
    ]);
    expect(logLines.at(-1)).toMatchObject({
      model: SECOND,
      status: 200,
      attempts: [`${STRONG}: busy`, `${SECOND}: ok`],
    });
  });

  it('follows the chain in order and stops at the first answer', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 500, model: STRONG });
    simulator.injectFault({ kind: 'removed', model: SECOND });
    const response = await gatewayFetch(testEnv(simulator))('/v1/chat/completions', chat('gpt-4'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(
      `${STRONG} -> ${THIRD} (upstream error, then removed)`,
    );
    expect(simulator.calls.map((call) => call.model)).toEqual([STRONG, SECOND, THIRD]);
  });

  it('falls back a stream whose connection is lost before the first byte', async () => {
    const simulator = createSimulator();
    // Twice: the client's own quick retry of a lost connection is spent first.
    simulator.injectFault({ kind: 'reset', model: STRONG, times: 2 });
    const response = await gatewayFetch(testEnv(simulator))(
      '/v1/chat/completions',
      chat('gpt-4o', { stream: true }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${STRONG} -> ${SECOND} (connection lost)`);
    const events = await readEvents(response);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events[0] ?? '{}')).toMatchObject({ model: SECOND });
    expect(simulator.calls.map((call) => call.model)).toEqual([STRONG, STRONG, SECOND]);
  });

  it('never falls back once a stream has started', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'truncate', afterEvents: 2, model: STRONG });
    const response = await gatewayFetch(testEnv(simulator))(
      '/v1/chat/completions',
      chat('gpt-4o', { stream: true }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBeNull();
    const events = await readEvents(response);
    expect(events.some((event) => event.includes('"error"'))).toBe(true);
    expect(events.at(-1)).toBe('[DONE]');
    expect(simulator.calls.map((call) => call.model)).toEqual([STRONG]);
  });

  it("never retries the client's own 4xx on another model", async () => {
    for (const code of [5006, 5021]) {
      const simulator = createSimulator();
      simulator.injectFault({ kind: 'status', code, model: STRONG });
      const response = await gatewayFetch(testEnv(simulator))('/v1/chat/completions', chat('gpt-4o'));
      expect(response.status).toBe(400);
      expect(simulator.calls).toHaveLength(1);
    }
  });

  it('answers the first model’s error when no model of the chain can answer', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 3040, times: 10 });
    const response = await gatewayFetch(testEnv(simulator))('/v1/chat/completions', chat('gpt-4o-mini'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('@cf/meta/llama-3.1-8b-instruct-fast');
    // The fast chain: the 8B, glm-4.7-flash, gpt-oss-20b; the last one also got its quick retry.
    expect(simulator.calls).toHaveLength(4);
  });

  it('does not fall back an exact @cf ID unless MODEL_FALLBACKS names it', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'busy', model: STRONG, ms: 50 });
    const plain = await gatewayFetch(testEnv(simulator))('/v1/chat/completions', chat(STRONG));
    // No chain: no rejectIfBusy, so the busy model queued and answered.
    expect(plain.status).toBe(200);
    expect(plain.headers.get('x-model-fallback')).toBeNull();
    expect(simulator.calls[0]?.rejectIfBusy).toBeUndefined();

    simulator.reset();
    simulator.injectFault({ kind: 'status', code: 3040, model: STRONG, times: 2 });
    const environment = testEnv(simulator, {
      MODEL_FALLBACKS: JSON.stringify({ [STRONG]: ['gpt-4o-mini'] }),
    });
    const chained = await gatewayFetch(environment)('/v1/chat/completions', chat(STRONG));
    expect(chained.status).toBe(200);
    expect(chained.headers.get('x-model-fallback')).toBe(
      `${STRONG} -> @cf/meta/llama-3.1-8b-instruct-fast (busy)`,
    );
  });

  it('skips a Paid-only model, and leaves it out once the account is known to be on the Free plan', async () => {
    const simulator = createSimulator();
    const environment = testEnv(simulator, {
      MODEL_ALIASES: JSON.stringify({ smart: KIMI }),
      MODEL_FALLBACKS: JSON.stringify({ smart: ['@cf/openai/gpt-oss-20b'] }),
    });
    const first = await gatewayFetch(environment)('/v1/chat/completions', chat('smart'));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-model-fallback')).toBe(`${KIMI} -> @cf/openai/gpt-oss-20b (Paid-only)`);
    simulator.reset();
    const second = await gatewayFetch(environment)('/v1/chat/completions', chat('smart'));
    expect(second.status).toBe(200);
    expect(simulator.calls.map((call) => call.model)).toEqual(['@cf/openai/gpt-oss-20b']);
    // WORKERS_PLAN=free knows it from the start.
    simulator.reset();
    const declared = testEnv(simulator, {
      WORKERS_PLAN: 'free',
      MODEL_ALIASES: JSON.stringify({ smart: KIMI }),
      MODEL_FALLBACKS: JSON.stringify({ smart: ['@cf/openai/gpt-oss-20b'] }),
    });
    expect((await gatewayFetch(declared)('/v1/chat/completions', chat('smart'))).status).toBe(200);
    expect(simulator.calls.map((call) => call.model)).toEqual(['@cf/openai/gpt-oss-20b']);
  });

  it('waits out a short Retry-After on a 429 and asks the same model again', async () => {
    const simulator = createSimulator();
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      simulator.fetch(new Request(input, init)),
    );
    // The simulator's REST 429 says `retry-after: 1`.
    simulator.injectFault({ kind: 'status', code: 429, model: STRONG });
    const environment = testEnv(simulator, {
      UPSTREAM_MODE: 'rest',
      CF_ACCOUNT_ID: 'acct',
      CF_API_TOKEN: 'tok',
      CF_API_BASE: 'http://sim.test/client/v4',
    });
    const response = await gatewayFetch(environment)('/v1/chat/completions', chat('gpt-4o'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBeNull();
    expect(simulator.calls.map((call) => call.model)).toEqual([STRONG, STRONG]);
  });

  it('charges every attempt that was answered, on the model that answered it', async () => {
    vi.setSystemTime(new Date('2031-03-04T10:00:00Z'));
    const simulator = createSimulator();
    // n = 2: one of the first model's two calls is refused, the other answered and paid for.
    simulator.injectFault({ kind: 'busy', model: STRONG, ms: 10_000 });
    const { response } = await callWorkerAndRead(
      worker,
      new Request('https://chat.test/v1/chat/completions', {
        ...chat('gpt-4o', { n: 2 }),
        headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
      }),
      testEnv(simulator),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${STRONG} -> ${SECOND} (busy)`);
    const usage = await sharedLedger().usage({ now: Date.now() });
    expect(usage.models[STRONG]).toBeGreaterThan(0);
    expect(usage.models[SECOND]).toBeGreaterThan(0);
  });

  it('answers 503 naming MODEL_FALLBACKS when the setting is malformed', async () => {
    const simulator = createSimulator();
    for (const setting of ['{not json', '["gpt-4o"]', '{"gpt-4o": []}', '{"gpt-4o": ["no-such-model"]}']) {
      const response = await gatewayFetch(testEnv(simulator, { MODEL_FALLBACKS: setting }))(
        '/v1/chat/completions',
        chat('gpt-4o'),
      );
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        'MODEL_FALLBACKS',
      );
    }
    expect(simulator.calls).toHaveLength(0);
  });
});

describe('legacy completions', () => {
  it('falls back the same way', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'paid-only', model: '@cf/meta/llama-3.1-8b-instruct-fast' });
    const response = await gatewayFetch(testEnv(simulator))('/v1/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-3.5-turbo', prompt: 'hi' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(
      '@cf/meta/llama-3.1-8b-instruct-fast -> @cf/zai-org/glm-4.7-flash (Paid-only)',
    );
    expect(((await response.json()) as { model: string }).model).toBe('@cf/zai-org/glm-4.7-flash');
  });
});

describe('budget-aware choice (BUDGET_DOWNGRADE_AT)', () => {
  it('answers aliases with the cheapest model of their chain past the threshold, and says so in /v1/usage', async () => {
    vi.setSystemTime(new Date('2031-05-06T10:00:00Z'));
    const simulator = createSimulator();
    const environment = testEnv(simulator, { DAILY_NEURON_BUDGET: '1000', BUDGET_DOWNGRADE_AT: '0.5' });
    const before = await gatewayFetch(environment)('/v1/chat/completions', chat('gpt-4o'));
    expect(before.status).toBe(200);
    expect(before.headers.get('x-model-fallback')).toBeNull();
    const quiet = (await (await gatewayFetch(environment)('/v1/usage')).json()) as Record<string, unknown>;
    expect(quiet.budget_downgrade).toEqual({ at: 0.5, threshold: 500, active: false });

    await sharedLedger().charge({
      model: STRONG,
      route: '/v1/chat/completions',
      neurons: 600,
      now: Date.now(),
    });
    // Past the isolate's cache time: its view of the ledger is read anew.
    vi.setSystemTime(new Date('2031-05-06T10:00:05Z'));
    const past = testEnv(simulator, { DAILY_NEURON_BUDGET: '1000', BUDGET_DOWNGRADE_AT: '0.5' });
    simulator.reset();
    const after = await gatewayFetch(past)('/v1/chat/completions', chat('gpt-4o'));
    expect(after.status).toBe(200);
    expect(after.headers.get('x-model-fallback')).toBe(
      `${STRONG} -> @cf/meta/llama-3.1-8b-instruct-fast (budget)`,
    );
    expect(((await after.json()) as { model: string }).model).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
    // An exact ID is what the client chose: never downgraded.
    const exact = await gatewayFetch(past)('/v1/chat/completions', chat(STRONG));
    expect(((await exact.json()) as { model: string }).model).toBe(STRONG);
    const usage = (await (await gatewayFetch(past)('/v1/usage')).json()) as Record<string, unknown>;
    expect(usage.budget_downgrade).toMatchObject({ threshold: 500, active: true });
  });
});
