import type { GatewayConfig } from '../config/parse-config';
import { GatewayError } from '../errors/gateway-error';
import { bookableName } from './bookable-name';
import { budgetRefusal } from './budget-refusal';
import { ledgerStoreFor } from './ledger-store-for';
import type { LedgerScope, LedgerState, LedgerUsage } from './ledger-types';
import { ledgerViewOf, rememberLedgerState } from './ledger-view';
import type { NeuronLedger } from './neuron-ledger';
import { utcDay } from './utc-day';

/** The binding a gateway declares to use the shared ledger (wrangler `durable_objects`). */
export interface LedgerEnv {
  /** Namespace of the `NeuronLedger` class; without it the guard counts per isolate. */
  NEURON_LEDGER?: DurableObjectNamespace<NeuronLedger>;
}

/** How `ledgerFor` talks to the ledger; every field is optional. */
export interface LedgerOptions {
  /** The request's execution context: charges are kept alive with `waitUntil` so callers need not await them. */
  ctx?: Pick<ExecutionContext, 'waitUntil'>;
  /** The clock, in epoch milliseconds; defaults to `Date.now`. Tests move it across 00:00 UTC. */
  now?: () => number;
  /**
   * The ledger object's name; default `ledger`. Workers sharing one ledger must use the same
   * name (they do by default); tests use distinct names to keep their counts apart.
   */
  name?: string;
  /**
   * How long, in milliseconds, `assertBudget` may answer from this isolate's last view of the
   * ledger instead of asking the Durable Object (default 1000; 0 always asks). The view is only
   * trusted while it leaves more than a tenth of the budget, so refusals near the limit are exact.
   */
  cacheMs?: number;
}

/** The ledger as a gateway route uses it: check before calling Workers AI, charge after. */
export interface GatewayLedger {
  /** `DAILY_NEURON_BUDGET`; 0 means the guard is off (charges are still recorded). */
  readonly budget: number;
  /** `durable-object` with the `NEURON_LEDGER` binding, `isolate` without it. */
  readonly scope: LedgerScope;
  /**
   * Throws a 429 `insufficient_quota` GatewayError, naming the reset time and with `retryAfter`
   * set to the seconds until 00:00 UTC, when today's total has reached the budget or Workers AI
   * has said the allocation is used up. Does nothing when the budget is 0.
   *
   * `expectedNeurons`, when a route knows the call's cost up front (an image's tiles and steps,
   * a chat's `max_tokens` at the output rate), also refuses a call that would cross the budget,
   * instead of letting one last expensive call overshoot it, and holds that cost for this
   * request until its first charge (or `release`), so requests in flight count against the
   * budget: a burst cannot all pass on the same total. Near the budget the hold is made in the
   * ledger itself (one round trip that checks and holds at once); far from it, in this
   * isolate's view.
   */
  assertBudget(route: string, expectedNeurons?: number): Promise<void>;
  /**
   * Books `neurons` spent on `model` by `route` (a name the ledger would refuse is clamped or
   * replaced, and logged). Never rejects: a failure is logged, since the
   * response has already been paid for. With `ctx` the charge is also kept alive by `waitUntil`.
   */
  charge(route: string, model: string, neurons: number): Promise<void>;
  /** Drops this request's hold without charging (it failed before spending). Never rejects. */
  release(): Promise<void>;
  /** Marks today exhausted (Workers AI answered 3036/4006). Never rejects. */
  markExhausted(): Promise<void>;
  /** Today's usage for `GET /v1/usage`; a 503 GatewayError when the ledger cannot be reached. */
  usage(): Promise<LedgerUsage>;
  /**
   * Today's charged neurons plus this isolate's charges on their way, from this isolate's view
   * while it is fresh (`cacheMs`), else read from the ledger; what the view last said (or 0) when
   * the ledger cannot be read. For choices that need not be exact, like `BUDGET_DOWNGRADE_AT`.
   */
  spent(): Promise<number>;
}

const DEFAULT_NAME = 'ledger';
const DEFAULT_CACHE_MS = 1000;
// A hold nobody settled (a request that died mid-way) stops counting after this: longer than any
// stream should take, short enough not to starve a day.
const RESERVATION_TTL_MS = 10 * 60 * 1000;
// Below this share of the budget left, every check goes to the Durable Object.
const CACHE_TRUSTED_WHILE_LEFT = 0.1;

function logFailure(action: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(JSON.stringify({ ledger: action, error: detail.slice(0, 300) }));
}

/**
 * The neuron ledger of one gateway request (SPEC §7), from the `NEURON_LEDGER` binding and
 * `DAILY_NEURON_BUDGET`. Every gateway bound to the same `NeuronLedger` class (wrangler
 * `script_name`) reaches the same object, so the budget is account-wide; without the binding
 * the guard counts in this isolate and says so (`scope: 'isolate'`) instead of failing.
 *
 * Costs per request: `assertBudget` answers from this isolate's view of the ledger while that
 * view is fresh (`cacheMs`) and leaves more than a tenth of the budget, otherwise it asks the
 * Durable Object (one round trip). Charges are one round trip each, sent as they happen and
 * kept alive by `ctx.waitUntil`; every charge lands, so the day's total is exact. A refusal can
 * lag by the requests already in flight when the budget is reached.
 */
export function ledgerFor(env: LedgerEnv, config: GatewayConfig, options: LedgerOptions = {}): GatewayLedger {
  const budget = config.dailyNeuronBudget;
  const clock = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  const { store, scope, key } = ledgerStoreFor(env.NEURON_LEDGER, options.name ?? DEFAULT_NAME);
  const view = ledgerViewOf(key, options.name ?? DEFAULT_NAME);
  const keepAlive = (promise: Promise<void>) => options.ctx?.waitUntil(promise);
  // This request's held expected cost: in the ledger (`id`) or in this isolate's view (`local`).
  let hold: { id: string; neurons: number } | { local: number } | undefined;
  const takeHold = () => {
    const taken = hold;
    hold = undefined;
    if (taken !== undefined && 'local' in taken) view.pending -= taken.local;
    return taken !== undefined && 'id' in taken ? taken.id : undefined;
  };

  return {
    budget,
    scope,

    async assertBudget(_route, expectedNeurons = 0) {
      if (budget <= 0) return;
      const expected = Number.isFinite(expectedNeurons) && expectedNeurons > 0 ? expectedNeurons : 0;
      // What requests in flight hold, this request's own hold not counted against itself.
      const own = hold !== undefined && 'id' in hold ? hold.neurons : 0;
      const held = (state: LedgerState) => state.used + Math.max(0, (state.reserved ?? 0) - own);
      const refuses = (state: LedgerState) =>
        state.exhausted || held(state) >= budget || (expected > 0 && held(state) + expected > budget);
      const now = clock();
      const today = utcDay(now).date;
      const known = view.state?.date === today ? view.state : undefined;
      // Within a day the total only grows and the flag is never cleared: a refusal seen once holds.
      // Holds come and go, so only the charged total decides from the cache alone.
      if (known && (known.exhausted || known.used >= budget || known.used + expected > budget)) {
        throw budgetRefusal({ ...known, reserved: 0 }, budget, now, expected);
      }
      const fresh = now - view.seenAt < cacheMs;
      const trusted = budget * (1 - CACHE_TRUSTED_WHILE_LEFT);
      if (known && fresh && held(known) + view.pending + expected < trusted) {
        if (expected > 0 && hold === undefined) {
          hold = { local: expected };
          view.pending += expected;
        }
        return;
      }
      let state: LedgerState;
      try {
        if (expected > 0 && hold === undefined) {
          const id = crypto.randomUUID();
          // This isolate's own holds and unlanded charges are not in the ledger yet: leave room for them.
          const reserved = await store.reserve({
            id,
            neurons: expected,
            budget: budget - view.pending,
            now,
            ttlMs: RESERVATION_TTL_MS,
          });
          rememberLedgerState(view, reserved, now);
          if (!reserved.granted) {
            const inFlight = (reserved.reserved ?? 0) + view.pending;
            throw budgetRefusal({ ...reserved, reserved: inFlight }, budget, now, expected);
          }
          hold = { id, neurons: expected };
          return;
        }
        state = await store.check({ now });
      } catch (error) {
        if (error instanceof GatewayError) throw error;
        // Failing open: refusing every request while the ledger is unreachable would take the
        // gateway down, and on the Free plan Workers AI's own 3036/4006 still stops the spend.
        logFailure('check', error);
        return;
      }
      rememberLedgerState(view, state, now);
      if (refuses(state)) throw budgetRefusal(state, budget, now, expected);
    },

    release() {
      const id = takeHold();
      if (id === undefined) return Promise.resolve();
      const released = (async () => {
        try {
          rememberLedgerState(view, await store.release({ id, now: clock() }), clock());
        } catch (error) {
          logFailure('release', error);
        }
      })();
      keepAlive(released);
      return released;
    },

    charge(route, model, neurons) {
      const now = clock();
      const amount = Number.isFinite(neurons) && neurons > 0 ? neurons : 0;
      const reservation = takeHold();
      view.pending += amount;
      const booked = (async () => {
        try {
          const booked = {
            route: bookableName(route, 'unrouted'),
            model: bookableName(model, 'unknown-model'),
            neurons,
            now,
            ...(reservation === undefined ? {} : { reservation }),
          };
          rememberLedgerState(view, await store.charge(booked), now);
        } catch (error) {
          logFailure('charge', error);
        } finally {
          view.pending -= amount;
        }
      })();
      keepAlive(booked);
      return booked;
    },

    markExhausted() {
      const now = clock();
      const date = utcDay(now).date;
      const known = view.state?.date === date ? view.state : { date, used: 0, exhausted: false };
      rememberLedgerState(view, { ...known, exhausted: true }, view.seenAt);
      const marked = (async () => {
        try {
          rememberLedgerState(view, await store.markExhausted({ now }), now);
        } catch (error) {
          logFailure('markExhausted', error);
        }
      })();
      keepAlive(marked);
      return marked;
    },

    async spent() {
      const now = clock();
      const today = utcDay(now).date;
      if (view.state?.date !== today || now - view.seenAt >= cacheMs) {
        try {
          rememberLedgerState(view, await store.check({ now }), now);
        } catch (error) {
          logFailure('check', error);
        }
      }
      const used = view.state?.date === today ? view.state.used : 0;
      return used + Math.max(0, view.pending);
    },

    async usage() {
      const now = clock();
      try {
        const usage = await store.usage({ budget, now });
        rememberLedgerState(view, usage, now);
        return usage;
      } catch (error) {
        throw new GatewayError(503, 'ledger_unavailable', 'The neuron ledger could not be read; try again.', {
          cause: error,
        });
      }
    },
  };
}
