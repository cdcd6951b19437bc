const DAY_MILLISECONDS = 86_400_000;

/** A UTC calendar day as the ledger keys it, and when the next one starts. */
export interface UtcDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Epoch milliseconds of the next 00:00 UTC, when Workers AI's free allocation resets. */
  resetAt: number;
  /** Whole seconds until `resetAt`, at least 1: the `Retry-After` of a refused request. */
  secondsToReset: number;
}

/** The UTC day `now` (epoch milliseconds) falls in. */
export function utcDay(now: number): UtcDay {
  const start = Math.floor(now / DAY_MILLISECONDS) * DAY_MILLISECONDS;
  const resetAt = start + DAY_MILLISECONDS;
  return {
    date: new Date(start).toISOString().slice(0, 10),
    resetAt,
    secondsToReset: Math.max(1, Math.ceil((resetAt - now) / 1000)),
  };
}
