/**
 * Shapes shared by the neuron ledger's Durable Object, its in-isolate fallback and the gateway
 * side (SPEC §7). Dates are UTC calendar days (`YYYY-MM-DD`), the unit Workers AI's free
 * allocation resets on.
 */

/** Options every ledger call accepts. */
export interface LedgerCallOptions {
  /**
   * The caller's clock in epoch milliseconds. Production callers leave it out (the ledger uses
   * `Date.now()`); tests pass a controllable clock to cross 00:00 UTC.
   */
  now?: number;
}

/** One charge: the neurons a call to `model` cost, booked under the gateway route that made it. */
export interface LedgerCharge extends LedgerCallOptions {
  model: string;
  route: string;
  neurons: number;
  /** The reservation this charge settles (the request's held expected cost), released with it. */
  reservation?: string;
}

/**
 * Neurons a request expects to spend, held from the check until its charge (or release) so
 * that requests in flight count against the budget.
 */
export interface LedgerReservation extends LedgerCallOptions {
  /** Unique per request; the charge that settles it names it. */
  id: string;
  neurons: number;
  /** `DAILY_NEURON_BUDGET`: the reservation is granted only if today's total plus every hold fits. */
  budget: number;
  /** After this many milliseconds a hold nobody settled stops counting (a request that died). */
  ttlMs: number;
}

/** The state after a reservation, and whether it was granted. */
export interface LedgerReservationResult extends LedgerState {
  granted: boolean;
}

/** Which reservation to release, unused (the request failed before it spent anything). */
export interface LedgerRelease extends LedgerCallOptions {
  id: string;
}

/** What the guard needs to decide whether a request may spend: today's total and flag. */
export interface LedgerState {
  /** The UTC day the numbers belong to, `YYYY-MM-DD`. */
  date: string;
  /** Neurons charged today. */
  used: number;
  /** Workers AI answered 3036/4006 today: the free allocation is gone whatever the count says. */
  exhausted: boolean;
  /** Neurons held by requests in flight (reservations not yet settled or expired); absent: none. */
  reserved?: number;
}

/**
 * Where the numbers live: `durable-object` is the shared, exact ledger; `isolate` is the
 * fallback counter used when the `NEURON_LEDGER` binding is missing, which only sees the
 * requests of one isolate.
 */
export type LedgerScope = 'durable-object' | 'isolate';

/** Today's usage as `GET /v1/usage` shows it. */
export interface LedgerUsage extends LedgerState {
  /** `DAILY_NEURON_BUDGET`; 0 means the guard is off. */
  budget: number;
  /** `budget - used`, never below 0 (0 too when the day is marked exhausted). */
  remaining: number;
  /** Next 00:00 UTC, ISO 8601. */
  reset_at: string;
  /** Neurons per upstream model. */
  models: Record<string, number>;
  /** Neurons per gateway route. */
  routes: Record<string, number>;
  scope: LedgerScope;
}

/** A day's totals broken down by model and route, before the budget is applied. */
export interface LedgerBreakdown extends LedgerState {
  models: Record<string, number>;
  routes: Record<string, number>;
}

/** Options of `usage`: the budget to measure today's total against. */
export interface LedgerUsageOptions extends LedgerCallOptions {
  /** `DAILY_NEURON_BUDGET`; defaults to 0 (guard off). */
  budget?: number;
}

/**
 * The operations a ledger store offers, implemented by the `NeuronLedger` Durable Object (over
 * RPC) and by the in-isolate fallback. Each method answers with the state after it ran, so a
 * caller can refresh its cache from any answer.
 */
export interface LedgerStore {
  check(options?: LedgerCallOptions): Promise<LedgerState>;
  charge(charge: LedgerCharge): Promise<LedgerState>;
  markExhausted(options?: LedgerCallOptions): Promise<LedgerState>;
  usage(options?: LedgerUsageOptions): Promise<LedgerUsage>;
  reserve(reservation: LedgerReservation): Promise<LedgerReservationResult>;
  release(release: LedgerRelease): Promise<LedgerState>;
}
