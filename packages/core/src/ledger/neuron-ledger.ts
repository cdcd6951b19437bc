import { DurableObject } from 'cloudflare:workers';
import type {
  LedgerBreakdown,
  LedgerCallOptions,
  LedgerCharge,
  LedgerRelease,
  LedgerReservation,
  LedgerReservationResult,
  LedgerState,
  LedgerStore,
  LedgerUsage,
  LedgerUsageOptions,
} from './ledger-types';
import { toLedgerUsage } from './to-ledger-usage';
import { utcDay } from './utc-day';
import { validateLedgerCharge } from './validate-ledger-charge';

// One row per (UTC day, model, route): small enough that summing a day is cheaper than keeping
// a second running total in step with it. `neurons` is REAL because charges are fractional
// (0.000123 neurons for a tiny embedding); SQLite sums REALs with compensated summation.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS neuron_charges (
    date TEXT NOT NULL,
    model TEXT NOT NULL,
    route TEXT NOT NULL,
    neurons REAL NOT NULL,
    PRIMARY KEY (date, model, route)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS neuron_days (
    date TEXT PRIMARY KEY,
    exhausted INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS neuron_reservations (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    neurons REAL NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The neuron ledger (SPEC §7): a SQLite-backed Durable Object (available on the Workers Free
 * plan) holding today's neurons per model and per route, and whether Workers AI has declared
 * today's free allocation used up. Gateways reach it over RPC through `ledgerFor`; several
 * workers bound to the same class (wrangler `script_name`) share one account-wide ledger.
 *
 * Exact under concurrency: a Durable Object runs one event at a time, every method below is
 * synchronous SQL with no `await` inside, and a charge is a single UPSERT that adds to the
 * stored value (`neurons = neurons + ?`), so no read-modify-write can interleave with another.
 * The day is taken from `now` when the caller passes one (tests move the clock) and from
 * `Date.now()` otherwise; rows of earlier days are deleted the first time a new day is seen.
 */
export class NeuronLedger extends DurableObject implements LedgerStore {
  readonly #sql: SqlStorage;
  #prunedBefore: string | undefined;

  // The ledger reads no bindings; whatever env the hosting worker has is passed through.
  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Today's total and exhausted flag: what the guard reads before a call. */
  async check(options: LedgerCallOptions = {}): Promise<LedgerState> {
    return this.#state(this.#today(options.now), options.now);
  }

  /**
   * Holds `neurons` for a request in flight if today's total, every unexpired hold and this one
   * fit in `budget`: the check and the hold are one event, so a burst of concurrent requests
   * cannot all pass on the same total.
   */
  async reserve(reservation: LedgerReservation): Promise<LedgerReservationResult> {
    const now = reservation.now ?? Date.now();
    const date = this.#today(now);
    this.#sql.exec('DELETE FROM neuron_reservations WHERE expires_at <= ?', now);
    const state = this.#state(date, now);
    const held = state.reserved ?? 0;
    const neurons = Number.isFinite(reservation.neurons) && reservation.neurons > 0 ? reservation.neurons : 0;
    if (state.exhausted || state.used + held + neurons > reservation.budget)
      return { ...state, granted: false };
    this.#sql.exec(
      'INSERT OR REPLACE INTO neuron_reservations (id, date, neurons, expires_at) VALUES (?, ?, ?, ?)',
      reservation.id,
      date,
      neurons,
      now + reservation.ttlMs,
    );
    return { ...state, reserved: held + neurons, granted: true };
  }

  /** Drops a hold its request no longer needs (it failed before spending). */
  async release(release: LedgerRelease): Promise<LedgerState> {
    const now = release.now ?? Date.now();
    this.#sql.exec('DELETE FROM neuron_reservations WHERE id = ?', release.id);
    return this.#state(this.#today(now), now);
  }

  /**
   * Adds a call's neurons to today's row for its model and route, in one statement, and
   * settles the reservation it names.
   */
  async charge(charge: LedgerCharge): Promise<LedgerState> {
    validateLedgerCharge(charge);
    if (charge.reservation !== undefined) {
      this.#sql.exec('DELETE FROM neuron_reservations WHERE id = ?', charge.reservation);
    }
    const date = this.#today(charge.now);
    this.#sql.exec(
      `INSERT INTO neuron_charges (date, model, route, neurons) VALUES (?, ?, ?, ?)
       ON CONFLICT (date, model, route) DO UPDATE SET neurons = neurons + excluded.neurons`,
      date,
      charge.model,
      charge.route,
      charge.neurons,
    );
    return this.#state(date, charge.now);
  }

  /** Records that Workers AI answered 3036/4006 today: the guard refuses until 00:00 UTC. */
  async markExhausted(options: LedgerCallOptions = {}): Promise<LedgerState> {
    const date = this.#today(options.now);
    this.#sql.exec(
      `INSERT INTO neuron_days (date, exhausted) VALUES (?, 1)
       ON CONFLICT (date) DO UPDATE SET exhausted = 1`,
      date,
    );
    return this.#state(date, options.now);
  }

  /** Today's usage against `budget`, per model and per route. */
  async usage(options: LedgerUsageOptions = {}): Promise<LedgerUsage> {
    const now = options.now ?? Date.now();
    const date = this.#today(now);
    const models: Record<string, number> = {};
    const routes: Record<string, number> = {};
    const rows = this.#sql.exec<{ model: string; route: string; neurons: number }>(
      'SELECT model, route, neurons FROM neuron_charges WHERE date = ? ORDER BY model, route',
      date,
    );
    for (const row of rows) {
      models[row.model] = (models[row.model] ?? 0) + row.neurons;
      routes[row.route] = (routes[row.route] ?? 0) + row.neurons;
    }
    const breakdown: LedgerBreakdown = { ...this.#state(date, now), models, routes };
    return toLedgerUsage(breakdown, options.budget ?? 0, now, 'durable-object');
  }

  #today(now: number | undefined): string {
    const { date } = utcDay(now ?? Date.now());
    if (this.#prunedBefore !== date) {
      this.#sql.exec('DELETE FROM neuron_charges WHERE date < ?', date);
      this.#sql.exec('DELETE FROM neuron_days WHERE date < ?', date);
      this.#sql.exec('DELETE FROM neuron_reservations WHERE date < ?', date);
      this.#prunedBefore = date;
    }
    return date;
  }

  #state(date: string, now: number = Date.now()): LedgerState {
    const total = this.#sql
      .exec<{ used: number }>(
        'SELECT COALESCE(SUM(neurons), 0) AS used FROM neuron_charges WHERE date = ?',
        date,
      )
      .one();
    const day = this.#sql
      .exec<{ exhausted: number }>('SELECT exhausted FROM neuron_days WHERE date = ?', date)
      .toArray()[0];
    const held = this.#sql
      .exec<{ reserved: number }>(
        'SELECT COALESCE(SUM(neurons), 0) AS reserved FROM neuron_reservations WHERE date = ? AND expires_at > ?',
        date,
        now,
      )
      .one();
    return { date, used: total.used, exhausted: day?.exhausted === 1, reserved: held.reserved };
  }
}
