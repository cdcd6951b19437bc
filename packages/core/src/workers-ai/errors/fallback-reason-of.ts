import { GatewayError } from '../../errors/gateway-error';

/**
 * Why another model may answer where this one failed, or undefined when none would (issue 14):
 * - `busy` (3040, or an upstream 503), `rate limited` (429), `upstream error` (5xx, vLLM's
 *   8007), `timeout` (3007/3008): this model cannot answer now;
 * - `Paid-only` (5035 on the Workers Free plan), `removed` (5028 / HTTP 410): it never will here;
 * - `connection lost`: the call failed before any byte (already retried once by the client).
 *
 * Undefined for everything the next model would fail the same way: the request's own faults
 * (bad input, `context_length_exceeded`, a too-large body), the day's exhausted allocation
 * (3036/4006, account-wide), a rejected Cloudflare token, the gateway's configuration.
 */
export function fallbackReasonOf(error: unknown): string | undefined {
  if (!(error instanceof GatewayError)) return undefined;
  if (error.upstreamCode === 3040) return 'busy';
  if (error.upstreamCode === 5035) return 'Paid-only';
  if (error.upstreamCode === 5028 || upstreamStatusOf(error) === 410) return 'removed';
  switch (error.code) {
    case 'upstream_unreachable':
      return 'connection lost';
    case 'upstream_overloaded':
      return 'busy';
    case 'rate_limit_exceeded':
      return 'rate limited';
    case 'upstream_timeout':
      return 'timeout';
    case 'upstream_error':
      return 'upstream error';
    default:
      return undefined;
  }
}

function upstreamStatusOf(error: GatewayError): number | undefined {
  const cause = error.cause;
  if (typeof cause !== 'object' || cause === null) return undefined;
  const status = (cause as Record<string, unknown>).httpStatus;
  return typeof status === 'number' ? status : undefined;
}
