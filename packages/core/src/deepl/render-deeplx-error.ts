import type { GatewayError } from '../errors/gateway-error';

/**
 * Renders an error as DeepLX does: `{code, message}` with the HTTP status equal to `code`.
 * DeepLX clients know 401, 400, 404, 429 and 503; anything else upstream is reported as 503
 * "Translation failed"-style so Bob and Immersive Translate show a retryable failure.
 */
export function renderDeeplxError(error: GatewayError): Response {
  const status = error.status >= 500 ? 503 : error.status;
  const headers = new Headers({ 'content-type': 'application/json' });
  if (error.retryAfter !== undefined) headers.set('retry-after', String(Math.ceil(error.retryAfter)));
  return new Response(JSON.stringify({ code: status, message: error.message }), { status, headers });
}
