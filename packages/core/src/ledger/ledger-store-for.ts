import { IsolateLedger } from './isolate-ledger';
import type { LedgerScope, LedgerStore } from './ledger-types';
import type { NeuronLedger } from './neuron-ledger';

const isolateLedgers = new Map<string, IsolateLedger>();
// Passthrough gives each caller's token a ledger of its own: made-up tokens must not grow an
// isolate's memory without bound, so the least recently created beyond this are forgotten.
const MAX_ISOLATE_LEDGERS = 1_000;

/**
 * Where the ledger `name` lives: the `NeuronLedger` Durable Object when `NEURON_LEDGER` is bound,
 * otherwise a store kept in this isolate. `key` identifies the store for the isolate's cached view.
 */
export function ledgerStoreFor(
  namespace: DurableObjectNamespace<NeuronLedger> | undefined,
  name: string,
): { store: LedgerStore; scope: LedgerScope; key: object } {
  if (namespace === undefined) {
    let store = isolateLedgers.get(name);
    if (!store) {
      store = new IsolateLedger();
      isolateLedgers.set(name, store);
      if (isolateLedgers.size > MAX_ISOLATE_LEDGERS) {
        const oldest = isolateLedgers.keys().next().value;
        if (oldest !== undefined) isolateLedgers.delete(oldest);
      }
    }
    return { store, scope: 'isolate', key: store };
  }
  // A fresh stub per request: stubs are cheap and tied to the request that made them.
  const stub = namespace.get(namespace.idFromName(name));
  const store: LedgerStore = {
    check: (options) => stub.check(options),
    charge: (charge) => stub.charge(charge),
    markExhausted: (options) => stub.markExhausted(options),
    usage: (options) => stub.usage(options),
    reserve: (reservation) => stub.reserve(reservation),
    release: (release) => stub.release(release),
  };
  return { store, scope: 'durable-object', key: namespace };
}
