import type { GatewayRequest } from './gateway-request';

/** Where a charge is booked when a request reached no named route (never expected; logged). */
export const FALLBACK_CHARGE_ROUTE = 'unrouted';

/**
 * The route name a request's charges and budget checks are booked under in the neuron ledger
 * (`GET /v1/usage` lists spending by it): the pattern of the router entry serving it
 * (`/v1/chat/completions`, `/v2/glossaries/:id`), never the raw path, so `/v1/chat/completions///`
 * books where `/v1/chat/completions` does and a client cannot make up route names. The one place
 * it is derived. A request outside any named route (a charge from middleware, say) is booked under
 * `unrouted` and logged rather than dropped.
 */
export function chargeRoute(request: GatewayRequest): string {
  const route: unknown = request.route;
  if (typeof route === 'string' && route !== '' && route !== '*') return route;
  console.error(
    JSON.stringify({ id: request.gateway?.id, ledger: 'route', booked_as: FALLBACK_CHARGE_ROUTE }),
  );
  return FALLBACK_CHARGE_ROUTE;
}
