import type { GatewayConfig } from '../config/parse-config';
import { GatewayError } from '../errors/gateway-error';

/** Who the caller is, once `authenticate` has let them in. */
export type Caller =
  | { kind: 'key' }
  | { kind: 'anonymous' }
  /**
   * `UPSTREAM_MODE=passthrough`: the caller's bearer token is their own Cloudflare API token.
   * `tenant` (a digest of the token) keys everything kept per caller: ledger, exhaustion, trust.
   */
  | { kind: 'passthrough'; token: string; tenant: string };

/** Where a gateway looks for the client's key beyond the three places every gateway accepts. */
export interface AuthenticateOptions {
  /** Translate gateway: DeepLX clients put the key in `?token=` and `Authorization: DeepL-Auth-Key`. */
  deeplForms?: boolean;
}

/**
 * Finds the key a client sent: `Authorization: Bearer K`, `x-api-key: K`, `?key=K` and, for the
 * translate gateway, `?token=K` and `Authorization: DeepL-Auth-Key K`. Cookies are never read.
 */
export function extractClientKey(request: Request, options: AuthenticateOptions = {}): string | undefined {
  const authorization = request.headers.get('authorization')?.trim();
  if (authorization) {
    const [scheme = '', ...rest] = authorization.split(/\s+/);
    const value = rest.join(' ');
    const lowerScheme = scheme.toLowerCase();
    if (lowerScheme === 'bearer' && value) return value;
    if (options.deeplForms && lowerScheme === 'deepl-auth-key' && value) return value;
  }
  const headerKey = request.headers.get('x-api-key')?.trim();
  if (headerKey) return headerKey;
  const url = new URL(request.url);
  const queryKey = url.searchParams.get('key') ?? (options.deeplForms ? url.searchParams.get('token') : null);
  return queryKey?.trim() || undefined;
}

const encoder = new TextEncoder();

async function digest(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', encoder.encode(value));
}

/**
 * Compares a presented key with every configured key in constant time: both sides are hashed
 * first so lengths never leak, every key is compared (no early exit), and the comparison itself
 * is workerd's `timingSafeEqual`.
 */
export async function matchesAnyKey(presented: string, keys: readonly string[]): Promise<boolean> {
  const presentedDigest = await digest(presented);
  let matched = false;
  for (const key of keys) {
    const equal = crypto.subtle.timingSafeEqual(presentedDigest, await digest(key));
    matched = equal || matched;
  }
  return matched;
}

/**
 * Lets a request in or throws the 401/503 the route renders in its own envelope.
 * Secure by default: with no `GATEWAY_KEYS` and no `ALLOW_ANONYMOUS=true` nothing is served.
 */
export async function authenticate(
  request: Request,
  config: GatewayConfig,
  options: AuthenticateOptions = {},
): Promise<Caller> {
  const presented = extractClientKey(request, options);
  if (config.upstreamMode === 'passthrough') {
    if (!presented) {
      throw new GatewayError(
        401,
        'invalid_api_key',
        'Missing Cloudflare API token: this gateway forwards your Authorization: Bearer token to Workers AI.',
      );
    }
    const tenant = [...new Uint8Array(await digest(`passthrough:${presented}`)).subarray(0, 16)]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
    return { kind: 'passthrough', token: presented, tenant };
  }
  if (config.keys.length === 0) {
    if (config.allowAnonymous) return { kind: 'anonymous' };
    throw new GatewayError(
      503,
      'configuration_error',
      'The gateway is not configured: set GATEWAY_KEYS (comma-separated client keys) or ALLOW_ANONYMOUS=true.',
    );
  }
  if (presented && (await matchesAnyKey(presented, config.keys))) return { kind: 'key' };
  if (!presented && config.allowAnonymous) return { kind: 'anonymous' };
  throw new GatewayError(
    401,
    'invalid_api_key',
    presented
      ? 'Incorrect API key provided.'
      : 'Missing API key: send it as Authorization: Bearer <key>, x-api-key or ?key=.',
  );
}
