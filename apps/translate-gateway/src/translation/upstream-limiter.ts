/** The outcome of asking the limiter for upstream calls. */
export type LimiterDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A sliding-window limit on upstream calls, per isolate: at most `limit` calls in any
 * `windowMs`. Workers AI allows translation models 720 requests a minute; one burst of
 * Immersive Translate pages can ask for more, so the excess is refused up front with a
 * `Retry-After` instead of letting Workers AI answer a storm of 429/503s. Calls are reserved
 * all at once, so a request is either served whole or not started.
 */
export class UpstreamLimiter {
  readonly limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  // Timestamps of recent calls, oldest first.
  readonly #calls: number[] = [];

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Reserves `count` calls now, or says how many seconds until that many are free. */
  tryAcquire(count: number): LimiterDecision {
    const now = this.#now();
    while (this.#calls.length > 0 && (this.#calls[0] ?? 0) <= now - this.#windowMs) this.#calls.shift();
    if (count <= 0) return { ok: true };
    const excess = this.#calls.length + count - this.limit;
    if (excess <= 0) {
      for (let index = 0; index < count; index++) this.#calls.push(now);
      return { ok: true };
    }
    // Enough calls are free once the `excess` oldest ones have left the window.
    const freedAt = (this.#calls[excess - 1] ?? now) + this.#windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now) / 1000)) };
  }
}
