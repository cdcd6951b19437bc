/**
 * Every failure a gateway reports is a `GatewayError`: an HTTP status, a machine-readable
 * `code`, an optional `param` naming the offending request field, and an optional `cause`
 * that is logged but never rendered. Renderers turn it into each protocol's envelope
 * (OpenAI, DeepLX, DeepL), so handlers throw one thing whatever the route speaks.
 */
export class GatewayError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `model_not_found`, `invalid_api_key`, `insufficient_quota`. */
  readonly code: string;
  /** The request field at fault, when there is one (OpenAI's `param`). */
  readonly param: string | undefined;
  /** Seconds the client should wait before retrying; rendered as `Retry-After`. */
  readonly retryAfter: number | undefined;
  /** The Cloudflare error code that caused this, when the failure came from Workers AI. */
  readonly upstreamCode: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      param?: string;
      retryAfter?: number;
      upstreamCode?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GatewayError';
    this.status = status;
    this.code = code;
    this.param = options.param;
    this.retryAfter = options.retryAfter;
    this.upstreamCode = options.upstreamCode;
  }
}

/** A 400 for a bad request field; `param` names the field as the client sent it. */
export function invalidRequest(message: string, param?: string): GatewayError {
  return new GatewayError(400, 'invalid_request_error', message, param === undefined ? {} : { param });
}

/**
 * Anything thrown that is not a `GatewayError` becomes an opaque 500: the original error is
 * kept as `cause` for the log line, and its message (which may hold a stack or a secret) is
 * never shown to the client.
 */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError(500, 'internal_error', 'The gateway failed to handle this request.', {
    cause: error,
  });
}
