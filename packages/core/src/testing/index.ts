// Test support shared by core's and the gateways' tests (import `@workers-ai-gateways/core/testing`).
// Never imported by a Worker's own code.

export { callWorker, type TestableWorker } from './call-worker';
export { callWorkerAndRead } from './call-worker-and-read';
export { cspDirective } from './csp-directive';
export { dashboardSettingsText } from './dashboard-settings-text';
export { expectSelfContainedPage } from './expect-self-contained-page';
export { fixtureEvents } from './fixture-events';
export { gatewayErrorOf } from './gateway-error-of';
export { gatewayTestEnv } from './gateway-test-env';
export { replayChunks } from './replay-chunks';
export { sharedLedger } from './shared-ledger';
export type { UsageBody } from './usage-body';
export { useLedgerTestDay } from './use-ledger-test-day';
export { WORKERS_AI_ERROR_CASES } from './workers-ai-error-cases';
