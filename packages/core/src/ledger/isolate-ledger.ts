import type {
  LedgerCallOptions,
  LedgerCharge,
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

  async check(options: LedgerCallOptions = {}): Promise<LedgerState> {
    return this.#state(this.#today(options.now));
  }

  async charge(charge: LedgerCharge): Promise<LedgerState> {
    validateLedgerCharge(charge);
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
    }
    return date;
  }

  #state(date: string): LedgerState {
    let used = 0;
    for (const neurons of this.#rows.values()) used += neurons;
    return { date, used, exhausted: this.#exhausted };
  }
}
