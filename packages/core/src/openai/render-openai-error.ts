import type { GatewayError } from '../errors/gateway-error';
import { mapGatewayErrorToOpenAi } from './map-gateway-error-to-openai';

/**
 * Renders an error in OpenAI's envelope `{error: {message, type, param, code}}` with its status
 * and, for rate limits, `Retry-After`.
 */
export function renderOpenAiError(error: GatewayError): Response {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (error.retryAfter !== undefined) headers.set('retry-after', String(Math.ceil(error.retryAfter)));
  return new Response(JSON.stringify(mapGatewayErrorToOpenAi(error)), { status: error.status, headers });
}
