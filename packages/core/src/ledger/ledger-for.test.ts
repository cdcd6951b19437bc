import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayErrorOf } from '../testing/gateway-error-of';
import { estimateNeurons } from '../workers-ai/catalog/estimate-neurons';
import { createWorkersAiClient } from '../workers-ai/client/create-workers-ai-client';
import { configWithBudget, manualClock, testEnv, uniqueLedgerName } from './ledger.test-helper';
import { type LedgerEnv, ledgerFor } from './ledger-for';

// 500 round trips are quick alone but can take seconds on a loaded machine running every test file.
const CONCURRENCY_TIMEOUT_MS = 60_000;

const env: LedgerEnv = { NEURON_LEDGER: testEnv.NEURON_LEDGER };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ledgerFor: the budget guard', () => {
  it.each([
    ['answering from its cache while far from the budget', 1000],
    ['asking the Durable Object every time', 0],
  ])('refuses exactly at the budget, %s', async (_label, cacheMs) => {
    const clock = manualClock('2026-11-30T23:00:00Z');
    const ledger = ledgerFor(env, configWithBudget(100), {
      now: clock.now,
      name: uniqueLedgerName('exact'),
      cacheMs,
    });
    expect(ledger.scope).toBe('durable-object');
    for (const neurons of [50, 40, 9.9]) {
      await ledger.assertBudget('chat');
      await ledger.charge('chat', '@cf/meta/llama-3.1-8b-instruct-fast', neurons);
    }
    // 99.9 used: still allowed.
    await ledger.assertBudget('chat');
    await ledger.charge('chat', '@cf/meta/llama-3.1-8b-instruct-fast', 0.1);
    const error = await gatewayErrorOf(ledger.assertBudget('chat'));
    expect([error.status, error.code, error.retryAfter]).toEqual([429, 'insufficient_quota', 3600]);
    expect(error.message).toBe(
      "Today's neuron budget is used up (100 of 100 neurons); it resets at 2026-12-01T00:00:00.000Z (00:00 UTC).",
    );
    const usage = await ledger.usage();
    expect([usage.used, usage.remaining, usage.exhausted]).toEqual([100, 0, false]);
  });

  it('refuses a call whose known cost would cross the budget, and only that one', async () => {
    const ledger = ledgerFor(env, configWithBudget(100), { name: uniqueLedgerName('expected'), cacheMs: 0 });
    await ledger.charge('images', '@cf/leonardo/lucid-origin', 60);
    const error = await gatewayErrorOf(ledger.assertBudget('images', 40.5));
    expect([error.status, error.code]).toEqual([429, 'insufficient_quota']);
    expect(error.message).toMatch(/^This request would cost about 40.5 neurons, more than the 40 left/);
    // Exactly what is left still passes, and so does a cheaper call.
    await ledger.assertBudget('images', 40);
    await ledger.assertBudget('chat', 1);
    await ledger.assertBudget('chat');
  });

  it('counts requests in flight: of a burst, only as many as their expected cost fits are admitted', async () => {
    const name = uniqueLedgerName('burst');
    const config = configWithBudget(100);
    const requests = Array.from({ length: 10 }, () => ledgerFor(env, config, { name, cacheMs: 0 }));
    const outcomes = await Promise.allSettled(requests.map((ledger) => ledger.assertBudget('chat', 30)));
    const admitted = requests.filter((_, index) => outcomes[index]?.status === 'fulfilled');
    expect(admitted).toHaveLength(3);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' && String(refused.reason.message)).toContain(
      'held by requests in flight',
    );
    // Each admitted request settles at what it really spent, which frees room for the next.
    for (const ledger of admitted) await ledger.charge('chat', '@cf/a', 5);
    const next = ledgerFor(env, config, { name, cacheMs: 0 });
    await next.assertBudget('chat', 30);
    // A request that fails before spending gives its hold back.
    await next.release();
    expect((await ledgerFor(env, config, { name, cacheMs: 0 }).usage()).used).toBe(15);
    await Promise.all(
      [30, 30].map((cost) => ledgerFor(env, config, { name, cacheMs: 0 }).assertBudget('chat', cost)),
    );
  });

  it('refuses a day Workers AI marked exhausted, whatever the count, until 00:00 UTC', async () => {
    const clock = manualClock('2026-11-30T23:59:59Z');
    const ledger = ledgerFor(env, configWithBudget(10_000), {
      now: clock.now,
      name: uniqueLedgerName('mark'),
    });
    await ledger.charge('translate', '@cf/meta/m2m100-1.2b', 12);
    await ledger.markExhausted();
    const error = await gatewayErrorOf(ledger.assertBudget('translate'));
    expect([error.status, error.code, error.retryAfter]).toEqual([429, 'insufficient_quota', 1]);
    expect(error.message).toContain('resets at 2026-12-01T00:00:00.000Z');
    expect(await ledger.usage()).toMatchObject({ used: 12, remaining: 0, exhausted: true });

    // UTC rollover: the next day starts at zero and unflagged.
    clock.set('2026-12-01T00:00:00Z');
    await ledger.assertBudget('translate');
    expect(await ledger.usage()).toMatchObject({
      date: '2026-12-01',
      used: 0,
      remaining: 10_000,
      exhausted: false,
      reset_at: '2026-12-02T00:00:00.000Z',
      models: {},
      routes: {},
    });
  });

  it('rolls a spent budget over at 00:00 UTC with a controllable clock', async () => {
    const clock = manualClock('2026-11-30T22:00:00Z');
    const ledger = ledgerFor(env, configWithBudget(10), {
      now: clock.now,
      name: uniqueLedgerName('rollover'),
    });
    await ledger.charge('embeddings', '@cf/baai/bge-base-en-v1.5', 10);
    clock.set('2026-11-30T23:59:59.999Z');
    expect((await gatewayErrorOf(ledger.assertBudget('embeddings'))).retryAfter).toBe(1);
    clock.set('2026-12-01T00:00:00.000Z');
    await ledger.assertBudget('embeddings');
    await ledger.charge('embeddings', '@cf/baai/bge-base-en-v1.5', 3);
    expect(await ledger.usage()).toMatchObject({ date: '2026-12-01', used: 3, remaining: 7 });
  });

  it('is off with a budget of 0 but still records what was spent', async () => {
    const ledger = ledgerFor(env, configWithBudget(0), { name: uniqueLedgerName('off') });
    await ledger.charge('chat', '@cf/a', 50_000);
    await ledger.markExhausted();
    await expect(ledger.assertBudget('chat')).resolves.toBeUndefined();
    expect(await ledger.usage()).toMatchObject({ budget: 0, used: 50_000, remaining: 0 });
  });

  it(
    'books 500 concurrent charges exactly',
    async () => {
      const ledger = ledgerFor(env, configWithBudget(1_000_000), { name: uniqueLedgerName('concurrent') });
      const amounts = Array.from({ length: 500 }, () => Math.random() * 20);
      await Promise.all(
        amounts.map((neurons, index) => ledger.charge(`route-${index % 5}`, '@cf/a', neurons)),
      );
      const expected = amounts.reduce((sum, neurons) => sum + neurons, 0);
      const usage = await ledger.usage();
      expect(Math.abs(usage.used - expected)).toBeLessThan(1e-6);
      expect(Math.abs((usage.models['@cf/a'] ?? 0) - expected)).toBeLessThan(1e-6);
    },
    CONCURRENCY_TIMEOUT_MS,
  );

  it('keeps charges alive with ctx.waitUntil so a route need not await them', async () => {
    const ctx = createExecutionContext();
    const name = uniqueLedgerName('wait-until');
    const ledger = ledgerFor(env, configWithBudget(100), { ctx, name });
    void ledger.charge('chat', '@cf/a', 4);
    void ledger.charge('chat', '@cf/b', 5);
    await waitOnExecutionContext(ctx);
    const fresh = ledgerFor(env, configWithBudget(100), { name });
    expect(await fresh.usage()).toMatchObject({ used: 9, models: { '@cf/a': 4, '@cf/b': 5 } });
  });
});

describe('ledgerFor: one ledger shared by several workers', () => {
  it('totals the charges of a second worker bound to the same class (scriptName)', async () => {
    const clock = manualClock('2026-11-30T12:00:00Z');
    const name = uniqueLedgerName('shared');
    const ledger = ledgerFor(env, configWithBudget(20), { now: clock.now, name, cacheMs: 0 });
    await ledger.charge('chat', '@cf/meta/llama-3.1-8b-instruct-fast', 8);
    const peer = (neurons: number) =>
      testEnv.LEDGER_PEER.fetch('http://peer/charge', {
        method: 'POST',
        body: JSON.stringify({
          name,
          route: 'translate',
          model: '@cf/meta/m2m100-1.2b',
          neurons,
          now: clock.now(),
        }),
      });
    await peer(7);
    await ledger.assertBudget('chat');
    await peer(5);
    expect((await gatewayErrorOf(ledger.assertBudget('chat'))).code).toBe('insufficient_quota');
    expect(await ledger.usage()).toMatchObject({
      used: 20,
      routes: { chat: 8, translate: 12 },
      models: { '@cf/meta/llama-3.1-8b-instruct-fast': 8, '@cf/meta/m2m100-1.2b': 12 },
    });
  });

  it("sees another worker's spending once its cached view expires (the documented lag)", async () => {
    const clock = manualClock('2026-11-30T12:00:00Z');
    const name = uniqueLedgerName('lag');
    const ledger = ledgerFor(env, configWithBudget(1000), { now: clock.now, name, cacheMs: 1000 });
    await ledger.assertBudget('chat');
    await testEnv.LEDGER_PEER.fetch('http://peer/charge', {
      method: 'POST',
      body: JSON.stringify({ name, route: 'images', model: '@cf/x', neurons: 1000, now: clock.now() }),
    });
    // Within the cache window this isolate still believes 0 of 1000 are used.
    await ledger.assertBudget('chat');
    clock.set(clock.now() + 1000);
    expect((await gatewayErrorOf(ledger.assertBudget('chat'))).code).toBe('insufficient_quota');
  });
});

describe('ledgerFor without the NEURON_LEDGER binding', () => {
  it('counts in the isolate, says so, and still refuses at the budget', async () => {
    const ledger = ledgerFor({}, configWithBudget(5), { name: uniqueLedgerName('isolate') });
    expect(ledger.scope).toBe('isolate');
    await ledger.assertBudget('chat');
    await ledger.charge('chat', '@cf/a', 3);
    await ledger.charge('embeddings', '@cf/b', 2);
    expect((await gatewayErrorOf(ledger.assertBudget('chat'))).status).toBe(429);
    expect(await ledger.usage()).toMatchObject({
      scope: 'isolate',
      used: 5,
      remaining: 0,
      models: { '@cf/a': 3, '@cf/b': 2 },
      routes: { chat: 3, embeddings: 2 },
    });
  });
});

describe('ledgerFor when the Durable Object fails', () => {
  const down = () => Promise.reject(new Error('Durable Object is overloaded'));
  const brokenEnv = {
    NEURON_LEDGER: {
      idFromName: () => ({}),
      get: () => ({ check: down, charge: down, markExhausted: down, usage: down }),
    },
  } as unknown as LedgerEnv;

  it('serves (fails open), never rejects a charge, logs, and answers usage with a 503', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ledger = ledgerFor(brokenEnv, configWithBudget(10), { name: uniqueLedgerName('down') });
    await expect(ledger.assertBudget('chat')).resolves.toBeUndefined();
    await expect(ledger.charge('chat', '@cf/a', 1)).resolves.toBeUndefined();
    await expect(ledger.markExhausted()).resolves.toBeUndefined();
    const error = await gatewayErrorOf(ledger.usage());
    expect([error.status, error.code]).toEqual([503, 'ledger_unavailable']);
    expect(errors.mock.calls.map((call) => JSON.parse(String(call[0])).ledger)).toEqual([
      'check',
      'charge',
      'markExhausted',
    ]);
  });
});

describe('ledgerFor: estimates become charges', () => {
  // Hand-computed from the published prices
  // (https://developers.cloudflare.com/workers-ai/platform/pricing/, see reference/workers-ai-facts.md).
  const cases: Array<[string, string, Parameters<typeof estimateNeurons>[1], number]> = [
    [
      'text generation',
      '@cf/meta/llama-3.1-8b-instruct-fast',
      { inputTokens: 1200, outputTokens: 300 },
      (1200 * 4119 + 300 * 34868) / 1e6,
    ],
    ['embeddings', '@cf/baai/bge-base-en-v1.5', { inputTokens: 5000, outputTokens: 0 }, (5000 * 6058) / 1e6],
    ['speech recognition', '@cf/openai/whisper-large-v3-turbo', { audioSeconds: 45 }, (45 / 60) * 46.63],
    ['translation', '@cf/meta/m2m100-1.2b', { inputTokens: 200, outputTokens: 220 }, (420 * 31050) / 1e6],
    // 1024×768 is 2 × 2 tiles of 512×512; 4 steps.
    [
      'text-to-image',
      '@cf/black-forest-labs/flux-1-schnell',
      { width: 1024, height: 768, steps: 4 },
      4 * 4.8 + 4 * 9.6,
    ],
    ['text-to-speech (characters)', '@cf/deepgram/aura-1', { characters: 500 }, (500 / 1000) * 1363.64],
    ['text-to-speech (audio minutes)', '@cf/myshell-ai/melotts', { audioSeconds: 30 }, 0.5 * 18.63],
    [
      'a free beta image model',
      '@cf/bytedance/stable-diffusion-xl-lightning',
      { width: 1024, height: 1024, steps: 4 },
      0,
    ],
  ];

  it('books each task type at its published price', async () => {
    const ledger = ledgerFor(env, configWithBudget(10_000), { name: uniqueLedgerName('estimates') });
    for (const [task, model, usage] of cases) {
      await ledger.charge(task, model, estimateNeurons(model, usage));
    }
    const usage = await ledger.usage();
    for (const [task, model, , expected] of cases) {
      expect(usage.routes[task], task).toBeCloseTo(expected, 6);
      expect(usage.models[model], model).toBeCloseTo(expected, 6);
    }
    const total = cases.reduce((sum, [, , , expected]) => sum + expected, 0);
    expect(usage.used).toBeCloseTo(total, 6);
  });

  it("matches the simulator's own neuron count for chat calls", async () => {
    const simulator = createSimulator();
    const client = createWorkersAiClient({ mode: 'binding', binding: simulator.binding });
    const model = '@cf/meta/llama-3.1-8b-instruct-fast';
    const ledger = ledgerFor(env, configWithBudget(10_000), { name: uniqueLedgerName('sim-chat') });
    for (const tokens of [5, 40, 120]) {
      const result = await client.run(model, {
        messages: [{ role: 'user', content: `Tell me a story [[tokens=${tokens}]]` }],
      });
      if (result.kind !== 'json') throw new Error('expected a JSON result');
      const reported = (result.data as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
      const neurons = estimateNeurons(model, {
        inputTokens: reported.prompt_tokens,
        outputTokens: reported.completion_tokens,
      });
      await ledger.charge('chat.completions', model, neurons);
    }
    expect(simulator.neuronsUsed()).toBeGreaterThan(0);
    expect((await ledger.usage()).used).toBeCloseTo(simulator.neuronsUsed(), 6);
  });
});

describe('ledgerFor: cost per request', () => {
  function summarise(timings: number[]): { mean: number; p99: number } {
    const sorted = [...timings].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, time) => sum + time, 0) / sorted.length;
    return {
      mean: Math.round(mean * 1000) / 1000,
      p99: sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Number.NaN,
    };
  }

  it(
    'measures assertBudget and charge through the Durable Object stub',
    async () => {
      const rounds = 200;
      const results: Record<string, { mean: number; p99: number }> = {};
      for (const cacheMs of [0, 1000]) {
        const label = cacheMs === 0 ? 'uncached' : 'cached';
        const ledger = ledgerFor(env, configWithBudget(1_000_000), {
          name: uniqueLedgerName(`latency-${label}`),
          cacheMs,
        });
        const checks: number[] = [];
        const charges: number[] = [];
        const pairs: number[] = [];
        for (let round = 0; round < rounds; round += 1) {
          const started = performance.now();
          await ledger.assertBudget('chat');
          const checked = performance.now();
          await ledger.charge('chat', '@cf/a', 1);
          const charged = performance.now();
          checks.push(checked - started);
          charges.push(charged - checked);
          pairs.push(charged - started);
        }
        results[`assertBudget ${label}`] = summarise(checks);
        results[`charge (${label} run)`] = summarise(charges);
        results[`pair ${label}`] = summarise(pairs);
        expect((await ledger.usage()).used).toBe(rounds);
      }
      console.log(
        `ledger cost per request in ms over ${rounds} sequential pairs: ${JSON.stringify(results)}`,
      );
      // Generous bounds: locally a round trip takes a few milliseconds; this catches a hang or an
      // accidental per-call sleep, not machine speed. The cached check must beat the round trip.
      expect(results['pair uncached']?.mean).toBeLessThan(100);
      expect(results['assertBudget cached']?.mean ?? Number.NaN).toBeLessThan(
        results['assertBudget uncached']?.mean ?? Number.NaN,
      );
    },
    CONCURRENCY_TIMEOUT_MS,
  );
});
