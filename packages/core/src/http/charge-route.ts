import type { GatewayRequest } from './gateway-request';

/**
 * The route name a request's charges and budget checks are booked under in the neuron ledger
 * (`GET /v1/usage` lists spending by it). The one place it is derived.
 */
export function chargeRoute(request: GatewayRequest): string {
  return new URL(request.url).pathname;
}
