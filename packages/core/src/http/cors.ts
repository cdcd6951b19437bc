import type { GatewayConfig } from '../config/parse-config';

const ALLOWED_HEADERS = 'Authorization, Content-Type, x-api-key';
const EXPOSED_HEADERS = 'x-request-id, x-model-replaced, Retry-After';

function allowedOrigin(request: Request, config: Pick<GatewayConfig, 'corsOrigins'>): string | undefined {
  if (config.corsOrigins === '*') return '*';
  const origin = request.headers.get('origin');
  return origin && config.corsOrigins.includes(origin) ? origin : undefined;
}

/**
 * Answers a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) with 204, or returns
 * undefined for any other request. Besides the three headers of SPEC §3 it allows whatever the
 * browser asks for: keys travel in headers, never cookies, so a wider list grants nothing, and
 * SDKs in the browser add their own (`x-stainless-*`).
 */
export function handlePreflight(
  request: Request,
  config: Pick<GatewayConfig, 'corsOrigins'>,
): Response | undefined {
  if (request.method !== 'OPTIONS') return undefined;
  const headers = new Headers({ 'Access-Control-Max-Age': '86400', Vary: 'Origin' });
  const origin = allowedOrigin(request, config);
  if (origin) {
    const requested = request.headers.get('access-control-request-headers');
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
    headers.set(
      'Access-Control-Allow-Headers',
      requested ? `${ALLOWED_HEADERS}, ${requested}` : ALLOWED_HEADERS,
    );
  }
  return new Response(null, { status: 204, headers });
}

/** Adds CORS headers to a response, copying it only when its headers are immutable. */
export function withCors(
  response: Response,
  request: Request,
  config: Pick<GatewayConfig, 'corsOrigins'>,
): Response {
  const origin = allowedOrigin(request, config);
  if (!origin || response.status === 101) return response;
  const result = response.headers.has('access-control-allow-origin') ? response : mutable(response);
  result.headers.set('Access-Control-Allow-Origin', origin);
  result.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (origin !== '*') result.headers.append('Vary', 'Origin');
  return result;
}

/** Responses from `fetch` have immutable headers; a shallow copy shares the body stream. */
export function mutable(response: Response): Response {
  try {
    response.headers.set('x-gateway-probe', '1');
    response.headers.delete('x-gateway-probe');
    return response;
  } catch {
    return new Response(response.body, response);
  }
}
