/** `GET /healthz`: liveness for load balancers and uptime checks; needs no key and no upstream. */
export function healthz(): Response {
  return Response.json({ status: 'ok' });
}
