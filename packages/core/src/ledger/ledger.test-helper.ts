import { env } from 'cloudflare:workers';
import { type GatewayConfig, parseConfig } from '../config/parse-config';
import type { NeuronLedger } from './neuron-ledger';

/** The bindings core's vitest config declares for the ledger's tests. */
export interface LedgerTestEnv {
  NEURON_LEDGER: DurableObjectNamespace<NeuronLedger>;
  /** A second worker bound to the same ledger class (`scriptName`), as a second gateway would be. */
  LEDGER_PEER: Fetcher;
}

export const testEnv = env as unknown as LedgerTestEnv;

/** Durable Object storage lives for the whole run, so each test works on its own ledger. */
export function uniqueLedgerName(label: string): string {
  return `${label}-${crypto.randomUUID()}`;
}

/** A stub of the ledger object called `name`. */
export function ledgerStub(name: string): DurableObjectStub<NeuronLedger> {
  return testEnv.NEURON_LEDGER.get(testEnv.NEURON_LEDGER.idFromName(name));
}

/** A gateway configuration with the given `DAILY_NEURON_BUDGET` (a fresh env object each time). */
export function configWithBudget(budget: number): GatewayConfig {
  return parseConfig({ ALLOW_ANONYMOUS: 'true', DAILY_NEURON_BUDGET: String(budget) });
}

/** A clock tests can move, e.g. across 00:00 UTC. */
export function manualClock(start: string | number): { now: () => number; set(time: string | number): void } {
  let time = typeof start === 'number' ? start : Date.parse(start);
  return {
    now: () => time,
    set(next) {
      time = typeof next === 'number' ? next : Date.parse(next);
    },
  };
}
