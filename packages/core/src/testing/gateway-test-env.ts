import { env } from 'cloudflare:workers';
import type { Simulator } from '@workers-ai-gateways/workers-ai-sim';

/**
 * The env a gateway test starts from: the Worker's own bindings (wrangler.jsonc), the simulator
 * as `env.AI` and one client key, `test-key`. The ledger's Durable Object storage lasts for the
 * whole run, so the budget guard is off by default (`DAILY_NEURON_BUDGET: '0'`; charges are still
 * recorded); guard tests set their own budget and move the clock to a UTC day of their own.
 * A fresh object each call: `parseConfig` memoises per env object.
 */
export function gatewayTestEnv(
  simulator: Simulator,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...env, AI: simulator.binding, GATEWAY_KEYS: 'test-key', DAILY_NEURON_BUDGET: '0', ...overrides };
}
