import type { LedgerUsage } from './ledger-types';

// Charges are fractional; six decimals is a millionth of a neuron, far below a cent's worth.
function round(neurons: number): number {
  return Math.round(neurons * 1e6) / 1e6;
}

function roundAll(byName: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byName).map(([name, neurons]) => [name, round(neurons)]));
}

/**
 * The `GET /v1/usage` response: today's date, budget, used, remaining, exhausted flag, reset
 * time (ISO 8601), where the count lives (`scope`), and neurons per model and per route; with
 * `downgradeAt` (`BUDGET_DOWNGRADE_AT`) and a budget, whether aliases now take their cheapest model.
 */
export function renderUsage(usage: LedgerUsage, options: { downgradeAt?: number } = {}): Response {
  const { downgradeAt } = options;
  const threshold = downgradeAt === undefined || usage.budget <= 0 ? undefined : usage.budget * downgradeAt;
  const body = {
    object: 'neuron_usage',
    date: usage.date,
    budget: usage.budget,
    used: round(usage.used),
    remaining: round(usage.remaining),
    exhausted: usage.exhausted,
    reset_at: usage.reset_at,
    scope: usage.scope,
    models: roundAll(usage.models),
    routes: roundAll(usage.routes),
    // BUDGET_DOWNGRADE_AT: past `threshold` neurons, aliases answer with the cheapest model of their chain.
    ...(threshold === undefined || downgradeAt === undefined
      ? {}
      : {
          budget_downgrade: { at: downgradeAt, threshold: round(threshold), active: usage.used >= threshold },
        }),
  };
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
