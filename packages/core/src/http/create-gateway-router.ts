import { AutoRouter } from 'itty-router';
import type { GatewayEnv } from '../config/gateway-env';
import { parseConfig } from '../config/parse-config';
import { GatewayError, toGatewayError } from '../errors/gateway-error';
import type { LedgerEnv } from '../ledger/ledger-for';
import { renderUsage } from '../ledger/render-usage';
import { type AuthenticateOptions, authenticate } from './authenticate';
import { canonicalPathname } from './canonical-pathname';
import { handlePreflight, mutable, withCors } from './cors';
import { ensurePassthroughTokenAccepted } from './ensure-passthrough-token-accepted';
import type { GatewayHome } from './gateway-home';
import { type GatewayRequest, requestConfig } from './gateway-request';
import { logRequest } from './log-request';
import { renderHome } from './render-home';
import { requestLedger } from './request-ledger';
import { withLedger } from './with-ledger';

/** How one gateway differs from the others in the shared request pipeline. */
export interface GatewayRouterOptions {
  /** Renders an error in the envelope the route's clients understand. */
  renderError: (error: GatewayError, request: GatewayRequest) => Response;
  /** Routes served without a key, besides `GET /`, `GET /healthz` and CORS preflights. */
  isPublic?: (request: GatewayRequest) => boolean;
  /** Extra key locations (the translate gateway's `?token=` and `DeepL-Auth-Key`). */
  auth?: AuthenticateOptions;
  /** What `GET /` says about the gateway. */
  home: GatewayHome;
}

/** A HEAD answer: the GET answer's status and headers, no body. */
function headersOnly(response: Response): Response {
  return new Response(null, { status: response.status, headers: response.headers });
}

const ALWAYS_PUBLIC = new Set(['/', '/healthz']);
const CORS_FALLBACK = { corsOrigins: '*' as const };

/**
 * The request pipeline every gateway shares, on itty-router's `AutoRouter`: request id and
 * configuration first, then CORS preflight and authentication, the request's neuron ledger
 * (`withLedger`), the routes every gateway serves alike (`GET`/`HEAD /healthz`, `GET /v1/usage`, and
 * `GET`/`HEAD /` from `options.home`), then the app's own routes, registered on the returned router;
 * at the end error rendering in the app's envelope, CORS headers, `x-request-id` and one log line.
 * Errors never use itty's default `catch`, which would copy an error's properties into the body.
 */
export function createGatewayRouter<Env extends GatewayEnv & LedgerEnv>(options: GatewayRouterOptions) {
  const renderAndRecord = (error: unknown, request: GatewayRequest): Response => {
    const gatewayError = toGatewayError(error);
    if (request.gateway) request.gateway.errorCode = gatewayError.code;
    // A request that failed before its charge gives back the expected cost it held.
    if (request.gateway?.config) void requestLedger(request).release();
    if (gatewayError.status >= 500 && gatewayError.cause !== undefined) {
      const cause = gatewayError.cause;
      // Workers AI failures carry `{httpStatus, code, message}`: logged as JSON, not "[object Object]".
      const detail =
        cause instanceof Error
          ? `${cause.name}: ${cause.message}`
          : typeof cause === 'object' && cause !== null
            ? JSON.stringify(cause)
            : String(cause);
      console.error(JSON.stringify({ id: request.gateway?.id, cause: detail.slice(0, 300) }));
    }
    return options.renderError(gatewayError, request);
  };

  const router = AutoRouter<GatewayRequest, [Env, ExecutionContext]>({
    before: [
      async (request, env) => {
        request.gateway = {
          id: `req_${crypto.randomUUID().replaceAll('-', '')}`,
          startedAt: Date.now(),
          config: undefined,
          caller: undefined,
        };
        const config = parseConfig(env);
        request.gateway.config = config;
        const preflight = handlePreflight(request, config);
        if (preflight) return preflight;
        const isPublic =
          (request.method === 'GET' || request.method === 'HEAD') &&
          ALWAYS_PUBLIC.has(canonicalPathname(request));
        if (isPublic || options.isPublic?.(request)) return undefined;
        request.gateway.caller = await authenticate(request, config, options.auth);
        return undefined;
      },
    ],
    missing: (request) => {
      const pathname = new URL(request.url).pathname;
      const shown = pathname.length > 100 ? `${pathname.slice(0, 100)}…` : pathname;
      // Rendered here rather than thrown: an error thrown from `missing` would skip the
      // `finally` stage below (CORS, request id, log line).
      return renderAndRecord(
        new GatewayError(404, 'not_found', `Unknown route: ${request.method} ${shown}`),
        request,
      );
    },
    catch: renderAndRecord,
    finally: [
      (response: Response | undefined, request: GatewayRequest) => {
        const result = mutable(response ?? renderAndRecord(new Error('route returned nothing'), request));
        const withHeaders = withCors(result, request, request.gateway?.config ?? CORS_FALLBACK);
        if (request.gateway) {
          withHeaders.headers.set('x-request-id', request.gateway.id);
          logRequest(request.gateway, request, withHeaders.status);
        }
        return withHeaders;
      },
    ],
  });

  const healthz = () => Response.json({ status: 'ok' });
  const home = (request: GatewayRequest) => renderHome(request, options.home);
  return (
    router
      .all('*', withLedger)
      // Liveness for load balancers and uptime checks; needs no key and no upstream.
      .get('/healthz', healthz)
      .head('/healthz', () => headersOnly(healthz()))
      .get('/', home)
      .head('/', async (request) => headersOnly(await home(request)))
      // Today's neurons from the ledger (SPEC §7), per model and per route.
      .get('/v1/usage', async (request) => {
        await ensurePassthroughTokenAccepted(request);
        const { budgetDowngradeAt } = requestConfig(request);
        const downgrade = budgetDowngradeAt === undefined ? {} : { downgradeAt: budgetDowngradeAt };
        return renderUsage(await requestLedger(request).usage(), downgrade);
      })
  );
}
