import type { LedgerBreakdown, LedgerScope, LedgerUsage } from './ledger-types';
import { utcDay } from './utc-day';

/**
 * Applies a budget to a day's totals: what is left (never negative, and nothing once Workers AI
 * has said the allocation is gone) and when the day resets.
 */
export function toLedgerUsage(
  breakdown: LedgerBreakdown,
  budget: number,
  now: number,
  scope: LedgerScope,
): LedgerUsage {
  const remaining = breakdown.exhausted ? 0 : Math.max(0, budget - breakdown.used);
  return {
    date: breakdown.date,
    budget,
    used: breakdown.used,
    remaining,
    exhausted: breakdown.exhausted,
    reset_at: new Date(utcDay(now).resetAt).toISOString(),
    models: breakdown.models,
    routes: breakdown.routes,
    scope,
  };
}
