import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const COMPATIBILITY_DATE = '2026-04-01';
// vitest-pool-workers names the worker that runs the tests `vitest-pool-workers-runner-<project>`;
// the peer worker below binds to the ledger class hosted there, as a second gateway would with
// wrangler `script_name`.
const PROJECT_NAME = 'core';
const RUNNER_NAME = `vitest-pool-workers-runner-${PROJECT_NAME}`;

// A second worker sharing the ledger (shared-ledger test). Auxiliary workers get no Vite
// transform, so it is plain JavaScript calling the Durable Object's RPC methods directly.
const PEER_SCRIPT = `
export default {
  async fetch(request, env) {
    const { name, route, model, neurons, now } = await request.json();
    const ledger = env.NEURON_LEDGER.get(env.NEURON_LEDGER.idFromName(name));
    return Response.json(await ledger.charge({ route, model, neurons, now }));
  },
};
`;

// Core's tests run inside workerd so that streams, crypto and Request behave as in production.
// `main` exports the neuron ledger's Durable Object so its tests run against real SQLite storage.
export default defineConfig({
  // Generous timeout: CI machines have 2 cores shared by several workerd test pools.
  test: { name: PROJECT_NAME, testTimeout: 30_000 },
  plugins: [
    cloudflareTest({
      main: './src/ledger/ledger-test-worker.ts',
      remoteBindings: false,
      miniflare: {
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: ['nodejs_compat'],
        durableObjects: { NEURON_LEDGER: { className: 'NeuronLedger', useSQLite: true } },
        serviceBindings: { LEDGER_PEER: 'ledger-peer' },
        workers: [
          {
            name: 'ledger-peer',
            modules: true,
            script: PEER_SCRIPT,
            compatibilityDate: COMPATIBILITY_DATE,
            durableObjects: {
              NEURON_LEDGER: { className: 'NeuronLedger', scriptName: RUNNER_NAME, useSQLite: true },
            },
          },
        ],
      },
    }),
  ],
});
