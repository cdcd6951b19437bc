import { afterEach, beforeEach, vi } from 'vitest';

/**
 * The ledger tests' setup: the ledger's Durable Object storage lasts for the whole run, so each
 * scenario moves `Date` (only `Date`: timers stay real) to a UTC day of its own with
 * `vi.setSystemTime`. Log lines are silenced; every mock and stub is undone after each test.
 */
export function useLedgerTestDay(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
