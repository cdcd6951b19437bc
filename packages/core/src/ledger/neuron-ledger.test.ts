import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ledgerStub, testEnv, uniqueLedgerName } from './ledger.test-helper';
import type { NeuronLedger } from './neuron-ledger';

// 500 round trips are quick alone but can take seconds on a loaded machine running every test file.
const CONCURRENCY_TIMEOUT_MS = 60_000;

const NOON = Date.parse('2026-11-30T12:00:00Z');
const NEXT_DAY = Date.parse('2026-12-01T00:00:00Z');

describe('NeuronLedger (Durable Object over RPC)', () => {
  it('books charges per model and per route and totals the day', async () => {
    const ledger = ledgerStub(uniqueLedgerName('books'));
    await ledger.charge({ model: '@cf/a', route: 'chat', neurons: 1.5, now: NOON });
    await ledger.charge({ model: '@cf/a', route: 'embeddings', neurons: 2, now: NOON });
    const state = await ledger.charge({ model: '@cf/b', route: 'chat', neurons: 0.25, now: NOON });
    expect(state).toEqual({ date: '2026-11-30', used: 3.75, exhausted: false, reserved: 0 });
    const usage = await ledger.usage({ budget: 10, now: NOON });
    expect(usage).toEqual({
      date: '2026-11-30',
      budget: 10,
      used: 3.75,
      remaining: 6.25,
      exhausted: false,
      reset_at: '2026-12-01T00:00:00.000Z',
      models: { '@cf/a': 3.5, '@cf/b': 0.25 },
      routes: { chat: 1.75, embeddings: 2 },
      scope: 'durable-object',
    });
  });

  it(
    'keeps 500 concurrent charges exact to the neuron',
    async () => {
      const ledger = ledgerStub(uniqueLedgerName('concurrent'));
      const amounts = Array.from({ length: 500 }, () => Math.random() * 50);
      const models = ['@cf/a', '@cf/b', '@cf/c'];
      await Promise.all(
        amounts.map((neurons, index) =>
          ledger.charge({
            model: models[index % 3] ?? '@cf/a',
            route: `route-${index % 4}`,
            neurons,
            now: NOON,
          }),
        ),
      );
      const expected = amounts.reduce((sum, neurons) => sum + neurons, 0);
      const usage = await ledger.usage({ budget: 100_000, now: NOON });
      expect(Math.abs(usage.used - expected)).toBeLessThan(1e-6);
      const byModel = Object.values(usage.models).reduce((sum, neurons) => sum + neurons, 0);
      const byRoute = Object.values(usage.routes).reduce((sum, neurons) => sum + neurons, 0);
      expect(Math.abs(byModel - expected)).toBeLessThan(1e-6);
      expect(Math.abs(byRoute - expected)).toBeLessThan(1e-6);
      // Model @cf/a got every third charge.
      const expectedA = amounts
        .filter((_, index) => index % 3 === 0)
        .reduce((sum, neurons) => sum + neurons, 0);
      expect(Math.abs((usage.models['@cf/a'] ?? 0) - expectedA)).toBeLessThan(1e-6);
    },
    CONCURRENCY_TIMEOUT_MS,
  );

  it('marks a day exhausted and starts the next one clean at 00:00 UTC, pruning the old day', async () => {
    const name = uniqueLedgerName('rollover');
    const ledger = ledgerStub(name);
    await ledger.charge({ model: '@cf/a', route: 'chat', neurons: 7, now: NOON });
    expect(await ledger.markExhausted({ now: NOON })).toEqual({
      date: '2026-11-30',
      used: 7,
      exhausted: true,
      reserved: 0,
    });
    expect(await ledger.check({ now: NEXT_DAY - 1 })).toEqual({
      date: '2026-11-30',
      used: 7,
      exhausted: true,
      reserved: 0,
    });
    expect(await ledger.check({ now: NEXT_DAY })).toEqual({
      date: '2026-12-01',
      used: 0,
      exhausted: false,
      reserved: 0,
    });
    const rows = await runInDurableObject(ledgerStub(name), (_instance: NeuronLedger, state) => ({
      charges: state.storage.sql.exec('SELECT date FROM neuron_charges').toArray(),
      days: state.storage.sql.exec('SELECT date FROM neuron_days').toArray(),
    }));
    expect(rows).toEqual({ charges: [], days: [] });
  });

  it('rejects charges that are not a finite, non-negative number of neurons', async () => {
    const ledger = ledgerStub(uniqueLedgerName('invalid'));
    // Called on the instance: a rejecting RPC through the stub leaks an unhandled rejection in
    // vitest-pool-workers (https://github.com/cloudflare/workers-sdk/issues/14736).
    const messages = await runInDurableObject(ledger, async (instance: NeuronLedger) => {
      const attempts = [
        { model: '@cf/a', route: 'chat', neurons: -1, now: NOON },
        { model: '@cf/a', route: 'chat', neurons: Number.NaN, now: NOON },
        { model: '@cf/a', route: 'chat', neurons: Number.POSITIVE_INFINITY, now: NOON },
        { model: '', route: 'chat', neurons: 1, now: NOON },
        { model: '@cf/a', route: '', neurons: 1, now: NOON },
      ];
      const results: string[] = [];
      for (const attempt of attempts) {
        results.push(
          await instance.charge(attempt).then(
            () => 'booked',
            (error: Error) => error.message,
          ),
        );
      }
      return results;
    });
    expect(messages).toEqual([
      'A ledger charge needs a finite, non-negative number of neurons, not -1.',
      'A ledger charge needs a finite, non-negative number of neurons, not NaN.',
      'A ledger charge needs a finite, non-negative number of neurons, not Infinity.',
      'A ledger charge needs a model ID of 1 to 200 characters.',
      'A ledger charge needs a route name of 1 to 200 characters.',
    ]);
    expect((await ledger.check({ now: NOON })).used).toBe(0);
  });

  it('is one object per name: a second worker bound with scriptName charges the same ledger', async () => {
    const name = uniqueLedgerName('peer');
    await ledgerStub(name).charge({ model: '@cf/a', route: 'chat', neurons: 1.25, now: NOON });
    const response = await testEnv.LEDGER_PEER.fetch('http://peer/charge', {
      method: 'POST',
      body: JSON.stringify({
        name,
        route: 'translate',
        model: '@cf/meta/m2m100-1.2b',
        neurons: 2.5,
        now: NOON,
      }),
    });
    expect(await response.json()).toEqual({ date: '2026-11-30', used: 3.75, exhausted: false, reserved: 0 });
    const usage = await ledgerStub(name).usage({ now: NOON });
    expect(usage.routes).toEqual({ chat: 1.25, translate: 2.5 });
  });

  it('holds the expected cost of requests in flight: grants only what fits, settles on charge, frees on release or expiry', async () => {
    const ledger = ledgerStub(uniqueLedgerName('reserve'));
    await ledger.charge({ model: '@cf/a', route: 'chat', neurons: 10, now: NOON });
    const hold = (id: string, neurons: number, now = NOON) =>
      ledger.reserve({ id, neurons, budget: 100, now, ttlMs: 60_000 });
    // Ten concurrent holds of 25 on 90 left: exactly three fit, whatever order they arrive in.
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => hold(`r${index}`, 25)));
    expect(results.filter((result) => result.granted)).toHaveLength(3);
    expect(results.at(-1)).toMatchObject({ used: 10, reserved: 75 });
    const granted = results.flatMap((result, index) => (result.granted ? [`r${index}`] : []));
    // A charge settles its hold at the real cost; a release gives one back unused.
    expect(
      await ledger.charge({ model: '@cf/a', route: 'chat', neurons: 3, now: NOON, reservation: granted[0] }),
    ).toMatchObject({ used: 13, reserved: 50 });
    expect(await ledger.release({ id: granted[1] ?? '', now: NOON })).toMatchObject({
      used: 13,
      reserved: 25,
    });
    expect((await hold('late', 70)).granted).toBe(false);
    expect((await hold('fits', 50)).granted).toBe(true);
    // A hold nobody settled stops counting once it expires.
    expect(await ledger.check({ now: NOON + 60_001 })).toMatchObject({ used: 13, reserved: 0 });
    expect((await hold('after', 80, NOON + 60_001)).granted).toBe(true);
  });
});
