import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../http/gateway-error';
import { createWorkersAiClient } from '../workers-ai/client/create-workers-ai-client';
import { configWithBudget, manualClock, testEnv, uniqueLedgerName } from './ledger.test-helper';
import { ledgerFor } from './ledger-for';
import { trackExhaustion } from './track-exhaustion';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';
type Simulator = ReturnType<typeof createSimulator>;

function clientFor(simulator: Simulator, mode: 'binding' | 'rest') {
  if (mode === 'binding') return createWorkersAiClient({ mode, binding: simulator.binding });
  return createWorkersAiClient({
    mode,
    accountId: 'acct',
    apiToken: 'sim-token',
    apiBase: 'http://sim.test/client/v4',
    fetch: (input, init) => simulator.fetch(new Request(input, init)),
  });
}

async function failureOf(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe.each(['binding', 'rest'] as const)('trackExhaustion against the simulator over %s', (mode) => {
  it.each([3036, 4006])(
    'marks the day exhausted on an injected %i and refuses before the next call',
    async (code) => {
      const clock = manualClock('2026-11-30T18:00:00Z');
      const simulator = createSimulator();
      simulator.injectFault({ kind: 'status', code, times: 1 });
      const client = clientFor(simulator, mode);
      const ledger = ledgerFor({ NEURON_LEDGER: testEnv.NEURON_LEDGER }, configWithBudget(10_000), {
        now: clock.now,
        name: uniqueLedgerName(`exhausted-${code}`),
      });

      await ledger.assertBudget('chat.completions');
      const upstream = await failureOf(trackExhaustion(ledger, () => client.run(MODEL, { prompt: 'hi' })));
      expect([upstream.status, upstream.code, upstream.upstreamCode]).toEqual([
        429,
        'insufficient_quota',
        code,
      ]);
      expect((await ledger.usage()).exhausted).toBe(true);

      const refused = await failureOf(ledger.assertBudget('chat.completions'));
      expect([refused.status, refused.code, refused.retryAfter]).toEqual([
        429,
        'insufficient_quota',
        6 * 3600,
      ]);
      // The refusal happened before Workers AI was called again.
      expect(simulator.calls).toHaveLength(1);
    },
  );

  it("marks exhaustion when the simulator's own daily allocation runs out (4006)", async () => {
    const simulator = createSimulator({ dailyNeuronLimit: 0.01 });
    const client = clientFor(simulator, mode);
    const ledger = ledgerFor({ NEURON_LEDGER: testEnv.NEURON_LEDGER }, configWithBudget(10_000), {
      name: uniqueLedgerName('sim-limit'),
    });
    // The first call passes (nothing spent yet) and crosses the limit; the second gets 4006.
    await trackExhaustion(ledger, () => client.run(MODEL, { prompt: 'hi [[tokens=10]]' }));
    const error = await failureOf(trackExhaustion(ledger, () => client.run(MODEL, { prompt: 'again' })));
    expect(error.upstreamCode).toBe(4006);
    expect((await failureOf(ledger.assertBudget('chat.completions'))).code).toBe('insufficient_quota');
  });

  it('leaves the day alone on other upstream failures', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 3040, times: 2 });
    const client = clientFor(simulator, mode);
    const ledger = ledgerFor({ NEURON_LEDGER: testEnv.NEURON_LEDGER }, configWithBudget(10_000), {
      name: uniqueLedgerName('other-failure'),
    });
    const error = await failureOf(trackExhaustion(ledger, () => client.run(MODEL, { prompt: 'hi' })));
    expect(error.code).toBe('upstream_overloaded');
    expect((await ledger.usage()).exhausted).toBe(false);
    await ledger.assertBudget('chat.completions');
  });
});

describe('trackExhaustion', () => {
  it('returns the call result untouched', async () => {
    const ledger = ledgerFor({}, configWithBudget(10), { name: uniqueLedgerName('passthrough') });
    await expect(trackExhaustion(ledger, async () => 42)).resolves.toBe(42);
    expect((await ledger.usage()).exhausted).toBe(false);
  });
});
