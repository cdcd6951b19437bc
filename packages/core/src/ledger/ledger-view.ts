import type { LedgerState } from './ledger-types';

/**
 * This isolate's last view of one ledger, plus `pending`: the charges it has sent and not yet
 * seen land, and the expected costs of its requests in flight that were admitted from this view.
 */
export interface LedgerView {
  state: LedgerState | undefined;
  seenAt: number;
  pending: number;
}

const views = new WeakMap<object, Map<string, LedgerView>>();
// One view per ledger name (passthrough callers each have one): bounded like the isolate ledgers.
const MAX_VIEWS = 1_000;

/**
 * This isolate's view of the ledger `name` reached through `namespace` (the binding, or the
 * isolate's own store), created empty on first use and kept for the isolate's life.
 */
export function ledgerViewOf(namespace: object, name: string): LedgerView {
  let byName = views.get(namespace);
  if (!byName) {
    byName = new Map();
    views.set(namespace, byName);
  }
  let view = byName.get(name);
  if (!view) {
    view = { state: undefined, seenAt: Number.NEGATIVE_INFINITY, pending: 0 };
    byName.set(name, view);
    if (byName.size > MAX_VIEWS) {
      const oldest = byName.keys().next().value;
      if (oldest !== undefined) byName.delete(oldest);
    }
  }
  return view;
}

/**
 * Folds `state`, read at `seenAt`, into `view`.
 *
 * Answers can arrive out of order; within a day the total and the flag only grow, so the
 * largest seen is the most recent.
 */
export function rememberLedgerState(view: LedgerView, state: LedgerState, seenAt: number): void {
  const previous = view.state;
  if (previous === undefined || state.date > previous.date) {
    view.state = state;
  } else if (state.date === previous.date) {
    view.state = {
      date: state.date,
      used: Math.max(previous.used, state.used),
      exhausted: previous.exhausted || state.exhausted,
      // Holds come and go: the newest answer's count is the one to trust.
      reserved: seenAt >= view.seenAt ? (state.reserved ?? 0) : (previous.reserved ?? 0),
    };
  } else {
    return;
  }
  view.seenAt = Math.max(view.seenAt, seenAt);
}
