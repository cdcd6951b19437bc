import type { GatewayRequest } from './gateway-request';

/**
 * The request's path as the router matches it: without trailing slashes (`/healthz//` is
 * `/healthz`, `///` is `/`). Every decision made on the path (public routes, the error envelope)
 * uses this form, so a non-canonical path is answered exactly like its canonical route; any other
 * oddity (`/v1//chat/completions`) matches no route and is a 404.
 */
export function canonicalPathname(request: Pick<GatewayRequest, 'url'>): string {
  const pathname = new URL(request.url).pathname;
  let end = pathname.length;
  while (end > 1 && pathname.charCodeAt(end - 1) === 47) end--;
  return end === pathname.length ? pathname : pathname.slice(0, end) || '/';
}
