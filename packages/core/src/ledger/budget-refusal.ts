import { GatewayError } from '../errors/gateway-error';
import type { LedgerState } from './ledger-types';
import { utcDay } from './utc-day';

function formatNeurons(neurons: number): string {
  return String(Math.round(neurons * 10_000) / 10_000);
}

/**
 * The 429 `insufficient_quota` error a budget check answers with: why (Workers AI's own
 * exhaustion, the day's budget spent, or this request's expected cost beside what requests in
 * flight hold), the reset time, and
 * `retryAfter` in seconds until 00:00 UTC.
 */
export function budgetRefusal(
  state: LedgerState,
  budget: number,
  now: number,
  expected: number,
): GatewayError {
  const day = utcDay(now);
  const resetAt = new Date(day.resetAt).toISOString();
  let message: string;
  if (state.exhausted) {
    message = `Workers AI reports today's free neuron allocation used up; the gateway refuses until it resets at ${resetAt} (00:00 UTC).`;
  } else if (state.used >= budget) {
    message = `Today's neuron budget is used up (${formatNeurons(state.used)} of ${budget} neurons); it resets at ${resetAt} (00:00 UTC).`;
  } else {
    const reserved = state.reserved ?? 0;
    const left = Math.max(0, budget - state.used - reserved);
    const inFlight = reserved > 0 ? ` (${formatNeurons(reserved)} more are held by requests in flight)` : '';
    message = `This request would cost about ${formatNeurons(expected)} neurons, more than the ${formatNeurons(left)} left of today's budget of ${budget}${inFlight}; it resets at ${resetAt} (00:00 UTC).`;
  }
  return new GatewayError(429, 'insufficient_quota', message, { retryAfter: day.secondsToReset });
}
