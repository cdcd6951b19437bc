// Endpoints the gateways do not implement yet. A suite or bench row that meets a 404 from an
// endpoint NOT listed here fails; one listed here is reported as "not yet implemented" (bench:
// "n/a"), printed, never silently skipped. An endpoint listed here that answers fails too, so this
// set only shrinks: remove each endpoint as soon as its gateway serves it.
export const PENDING_ENDPOINTS = new Set([
  // Nothing is pending: every endpoint the bench and the suites use is implemented.
]);

/** `gateway METHOD /path` as written in PENDING_ENDPOINTS. */
export function endpointKey(gateway, method, path) {
  return `${gateway} ${method} ${path}`;
}
