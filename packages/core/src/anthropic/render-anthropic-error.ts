import type { GatewayError } from '../errors/gateway-error';
import { anthropicStatusOf, mapGatewayErrorToAnthropic } from './map-gateway-error-to-anthropic';

/**
 * Renders an error in Anthropic's envelope with Anthropic's status (529 for a Workers AI model
 * without capacity) and, for rate limits and overloads, `Retry-After`.
 */
export function renderAnthropicError(error: GatewayError, requestId?: string): Response {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (error.retryAfter !== undefined) headers.set('retry-after', String(Math.ceil(error.retryAfter)));
  const body = {
    ...mapGatewayErrorToAnthropic(error),
    ...(requestId === undefined ? {} : { request_id: requestId }),
  };
  return new Response(JSON.stringify(body), { status: anthropicStatusOf(error), headers });
}
