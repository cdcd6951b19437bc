import { isExhaustionError } from '../ledger/is-exhaustion-error';
import type { GatewayRequest } from './gateway-request';
import { requestLedger } from './request-ledger';

/**
 * For an app's `renderError`: when the error is Workers AI's "daily free allocation used up"
 * (3036/4006), marks the day exhausted so the next requests are refused before reaching
 * Workers AI. The write is kept alive by the request's `ctx.waitUntil` (via `withLedger`), so
 * rendering does not wait for it. Runs once for every route, where errors are rendered, so no
 * upstream call needs wrapping. Never throws: it runs while an error is being rendered.
 */
export function noteExhaustion(request: GatewayRequest, error: unknown): void {
  if (!isExhaustionError(error)) return;
  try {
    void requestLedger(request).markExhausted();
  } catch (failure) {
    const detail = failure instanceof Error ? failure.message : String(failure);
    console.error(JSON.stringify({ ledger: 'noteExhaustion', error: detail.slice(0, 300) }));
  }
}
