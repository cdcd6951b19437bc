import { GatewayError } from '../errors/gateway-error';
import type { GatewayRequest } from './gateway-request';
import { requestConfig } from './gateway-request';

// Tenants whose token Workers AI accepted, with when that stops counting. Bounded: a flood of
// made-up tokens must not grow an isolate's memory.
const accepted = new Map<string, number>();
const MAX_REMEMBERED = 1_000;
// A day: what was cached for a token that worked today may be served to it again today.
const ACCEPTED_FOR_MS = 24 * 60 * 60 * 1000;

/** Remembers that Workers AI answered a call made with this passthrough caller's token. */
export function noteTokenAccepted(tenant: string, now = Date.now()): void {
  accepted.delete(tenant);
  accepted.set(tenant, now + ACCEPTED_FOR_MS);
  if (accepted.size > MAX_REMEMBERED) {
    const oldest = accepted.keys().next().value;
    if (oldest !== undefined) accepted.delete(oldest);
  }
}

/**
 * In passthrough mode, where any string passes the gateway's own auth, makes sure Workers AI
 * has accepted the caller's Cloudflare token before the gateway answers from what it holds
 * rather than from Workers AI (cached translations, `/v1/usage`): a token that made a call
 * today, or one that Workers AI's model search answers now (one GET, no neurons). A rejected
 * token is a 401 in the route's envelope. Other modes: nothing to do.
 */
export async function ensurePassthroughTokenAccepted(request: GatewayRequest): Promise<void> {
  const caller = request.gateway.caller;
  if (caller?.kind !== 'passthrough') return;
  const until = accepted.get(caller.tenant);
  if (until !== undefined && until > Date.now()) return;
  const config = requestConfig(request);
  const base = config.apiBase.replace(/\/+$/, '');
  const url = `${base}/accounts/${encodeURIComponent(config.accountId ?? '')}/ai/models/search?per_page=1`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${caller.token}` },
      signal: request.signal,
    });
  } catch (error) {
    throw new GatewayError(
      502,
      'upstream_error',
      'Workers AI could not be reached to check your Cloudflare token.',
      {
        cause: error,
      },
    );
  }
  await response.body?.cancel();
  if (response.status === 401 || response.status === 403) {
    throw new GatewayError(401, 'invalid_api_key', 'Workers AI rejected your Cloudflare API token.');
  }
  if (!response.ok) {
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI answered HTTP ${response.status} when checking your Cloudflare token.`,
    );
  }
  noteTokenAccepted(caller.tenant);
}
