import type {
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

/**
 * The fallback ledger when a gateway has no `NEURON_LEDGER` binding: the same operations as the
 * `NeuronLedger` Durable Object, kept in this isolate's memory. It only sees the requests this
 * isolate served and forgets them when the isolate is evicted, so `usage()` reports
 * `scope: 'isolate'`; Workers AI's own 3036/4006 stays the real limit.
 */
export class IsolateLedger implements LedgerStore {
  #date = '';
  #exhausted = false;
  // Keyed by model and route joined with a newline, which neither contains.
  #rows = new Map<string, number>();
  // Holds of requests in flight, by reservation id.
  #reservations = new Map<string, { neurons: number; expiresAt: number }>();

  async check(options: LedgerCallOptions = {}): Promise<LedgerState> {
    return this.#state(this.#today(options.now));
  }

  async reserve(reservation: LedgerReservation): Promise<LedgerReservationResult> {
    const now = reservation.now ?? Date.now();
    const state = this.#state(this.#today(now), now);
    const held = state.reserved ?? 0;
    const neurons = Number.isFinite(reservation.neurons) && reservation.neurons > 0 ? reservation.neurons : 0;
    if (state.exhausted || state.used + held + neurons > reservation.budget)
      return { ...state, granted: false };
    this.#reservations.set(reservation.id, { neurons, expiresAt: now + reservation.ttlMs });
    return { ...state, reserved: held + neurons, granted: true };
  }

  async release(release: LedgerRelease): Promise<LedgerState> {
    const now = release.now ?? Date.now();
    this.#reservations.delete(release.id);
    return this.#state(this.#today(now), now);
  }

  async charge(charge: LedgerCharge): Promise<LedgerState> {
    validateLedgerCharge(charge);
    if (charge.reservation !== undefined) this.#reservations.delete(charge.reservation);
    const date = this.#today(charge.now);
    const key = `${charge.model}\n${charge.route}`;
    this.#rows.set(key, (this.#rows.get(key) ?? 0) + charge.neurons);
    return this.#state(date);
  }

  async markExhausted(options: LedgerCallOptions = {}): Promise<LedgerState> {
    const date = this.#today(options.now);
    this.#exhausted = true;
    return this.#state(date);
  }

  async usage(options: LedgerUsageOptions = {}): Promise<LedgerUsage> {
    const now = options.now ?? Date.now();
    const date = this.#today(now);
    const models: Record<string, number> = {};
    const routes: Record<string, number> = {};
    for (const [key, neurons] of this.#rows) {
      const [model = '', route = ''] = key.split('\n');
      models[model] = (models[model] ?? 0) + neurons;
      routes[route] = (routes[route] ?? 0) + neurons;
    }
    return toLedgerUsage({ ...this.#state(date), models, routes }, options.budget ?? 0, now, 'isolate');
  }

  #today(now: number | undefined): string {
    const { date } = utcDay(now ?? Date.now());
    if (date !== this.#date) {
      this.#date = date;
      this.#exhausted = false;
      this.#rows.clear();
      this.#reservations.clear();
    }
    return date;
  }

  #state(date: string, now: number = Date.now()): LedgerState {
    let used = 0;
    for (const neurons of this.#rows.values()) used += neurons;
    let reserved = 0;
    for (const [id, hold] of this.#reservations) {
      if (hold.expiresAt <= now) this.#reservations.delete(id);
      else reserved += hold.neurons;
    }
    return { date, used, exhausted: this.#exhausted, reserved };
  }
}
