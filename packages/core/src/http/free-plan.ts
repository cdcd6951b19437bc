import type { GatewayConfig } from '../config/parse-config';

// Accounts known to be on the Workers Free plan from a 5035 answer, per configuration (isolate).
const learnedFreePlan = new WeakSet<GatewayConfig>();

/**
 * Whether Paid-only models are to be left out of aliases, fallback chains and the model list:
 * `WORKERS_PLAN=free`, or (with the setting unset) a 5035 answer seen by this isolate.
 */
export function isFreePlan(config: GatewayConfig): boolean {
  return config.workersPlan === 'free' || (config.workersPlan === undefined && learnedFreePlan.has(config));
}

/** Remembers that Workers AI answered 5035 (Paid-only on the Free plan), unless `WORKERS_PLAN` says otherwise. */
export function noteFreePlan(config: GatewayConfig): void {
  if (config.workersPlan === undefined) learnedFreePlan.add(config);
}
