import type { GatewayError } from '../errors/gateway-error';

function openAiType(error: GatewayError): string {
  if (error.code === 'insufficient_quota') return 'insufficient_quota';
  if (error.status === 401) return 'invalid_request_error';
  if (error.status === 429) return 'rate_limit_error';
  if (error.status >= 500) return error.status === 503 ? 'service_unavailable' : 'api_error';
  return 'invalid_request_error';
}

/**
 * Renders an error in OpenAI's envelope `{error: {message, type, param, code}}`, the shape the
 * `openai` SDKs, OneAPI and chat UIs parse.
 */
export function renderOpenAiError(error: GatewayError): Response {
  const body = {
    error: { message: error.message, type: openAiType(error), param: error.param ?? null, code: error.code },
  };
  const headers = new Headers({ 'content-type': 'application/json' });
  if (error.retryAfter !== undefined) headers.set('retry-after', String(Math.ceil(error.retryAfter)));
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
