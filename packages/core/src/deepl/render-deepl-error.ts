import type { GatewayError } from '../errors/gateway-error';

function deeplStatus(error: GatewayError): number {
  // DeepL reports a bad key as 403 and a spent quota as 456; `deepl-node` maps exactly these.
  if (error.status === 401) return 403;
  if (error.code === 'insufficient_quota') return 456;
  return error.status;
}

/** Renders an error in DeepL API v2's envelope `{message}` with DeepL's statuses. */
export function renderDeeplError(error: GatewayError): Response {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (error.retryAfter !== undefined) headers.set('retry-after', String(Math.ceil(error.retryAfter)));
  return new Response(JSON.stringify({ message: error.message }), { status: deeplStatus(error), headers });
}
