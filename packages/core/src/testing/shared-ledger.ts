import { env } from 'cloudflare:workers';
import type { LedgerEnv } from '../ledger/ledger-for';
import type { NeuronLedger } from '../ledger/neuron-ledger';

/**
 * The gateway's default ledger object (`ledger`), reached the way another gateway sharing it
 * would: tests read it directly, unrounded, unlike `GET /v1/usage`.
 */
export function sharedLedger(): DurableObjectStub<NeuronLedger> {
  const namespace = (env as unknown as Required<LedgerEnv>).NEURON_LEDGER;
  return namespace.get(namespace.idFromName('ledger'));
}
