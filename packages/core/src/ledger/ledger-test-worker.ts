// Test-only entry point for core's vitest config (`main`): it exports the ledger's Durable Object
// class so that miniflare can host it in the test runner, as a gateway's src/index.ts does.
export { NeuronLedger } from './neuron-ledger';

export default {
  fetch: () => new Response('core test worker', { status: 404 }),
} satisfies ExportedHandler;
