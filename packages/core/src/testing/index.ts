// Test support shared by core's and the gateways' tests (import `@workers-ai-gateways/core/testing`).
// Never imported by a Worker's own code.

export { cspDirective } from './csp-directive';
export { dashboardSettingsText } from './dashboard-settings-text';
export { expectSelfContainedPage } from './expect-self-contained-page';
export { WORKERS_AI_ERROR_CASES } from './workers-ai-error-cases';
