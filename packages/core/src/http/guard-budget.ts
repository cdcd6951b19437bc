import { chargeRoute } from './charge-route';
import type { GatewayRequest } from './gateway-request';
import { requestLedger } from './request-ledger';

/**
 * Route middleware that refuses a request before it reaches Workers AI when today's budget is
 * spent (429 `insufficient_quota`; the DeepL renderer turns it into 456). Put it in front of
 * the handlers that call Workers AI: `router.post('/v1/chat/completions', guardBudget, chatCompletions)`.
 * The route is booked under its path. Generic in the router's extra arguments (`env`, `ctx`) so
 * it sits beside handlers that take them.
 */
export async function guardBudget<Args extends unknown[]>(
  request: GatewayRequest,
  ..._rest: Args
): Promise<undefined> {
  await requestLedger(request).assertBudget(chargeRoute(request));
  return undefined;
}
