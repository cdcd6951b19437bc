import type { LedgerEnv } from '../ledger/ledger-for';
import type { GatewayRequest } from './gateway-request';
import { requestLedger } from './request-ledger';

/**
 * Router middleware that gives every request its ledger, so handlers that only receive the
 * request can reach it with `requestLedger(request)`. Register it before the routes:
 * `router.all('*', withLedger)`. Costs no I/O: the Durable Object is only called when a route
 * checks or charges.
 */
export function withLedger(
  request: GatewayRequest,
  env: LedgerEnv,
  ctx: Pick<ExecutionContext, 'waitUntil'>,
): undefined {
  requestLedger(request, env, ctx);
  return undefined;
}
