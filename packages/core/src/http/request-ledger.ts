import { type GatewayLedger, type LedgerEnv, ledgerFor } from '../ledger/ledger-for';
import type { GatewayRequest } from './gateway-request';
import { requestConfig } from './gateway-request';

const attached = new WeakMap<object, GatewayLedger>();

/**
 * The ledger of one request. Called with `env` (and `ctx`) it builds the ledger and attaches it
 * to the request, which is what `withLedger` does for every route; called with the request
 * alone, as route handlers and error renderers do, it returns the attached ledger. A request
 * that never went through `withLedger` gets an isolate-scoped ledger rather than an error.
 */
export function requestLedger(
  request: GatewayRequest,
  env?: LedgerEnv,
  ctx?: Pick<ExecutionContext, 'waitUntil'>,
): GatewayLedger {
  const known = env === undefined ? attached.get(request) : undefined;
  if (known) return known;
  // Passthrough callers each spend their own Cloudflare token: each gets a ledger of its own, so
  // one tenant's usage, budget and Workers AI exhaustion are never another's.
  const caller = request.gateway.caller;
  const name = caller?.kind === 'passthrough' ? `passthrough-${caller.tenant}` : undefined;
  const ledger = ledgerFor(env ?? {}, requestConfig(request), {
    ...(ctx === undefined ? {} : { ctx }),
    ...(name === undefined ? {} : { name }),
  });
  attached.set(request, ledger);
  return ledger;
}
