import { GatewayError } from '../../errors/gateway-error';

/** How the gateway reaches Workers AI; decides who is at fault for an authentication error. */
export type WorkersAiMode = 'binding' | 'rest' | 'passthrough';

/** Everything known about one Workers AI failure. */
export interface WorkersAiFailure {
  /** The REST response status; absent for binding errors. */
  httpStatus?: number;
  /** Cloudflare's error code, from `parseWorkersAiError`. */
  code?: number;
  /** Cloudflare's error text (safe to show: it never quotes the token). */
  message: string;
  mode: WorkersAiMode;
  /** The Workers AI model ID that was called. */
  model: string;
  /** The upstream `Retry-After`, in seconds, when it sent one. */
  retryAfter?: number;
  /** The current time, for the quota reset; defaults to now. */
  now?: Date;
}

// Seconds a client should wait after a capacity error (3040) when Workers AI names no delay.
const OVERLOADED_RETRY_AFTER = 5;
// Workers AI rate limits are per minute; without a Retry-After a short pause usually clears them.
const RATE_LIMITED_RETRY_AFTER = 10;

const FORBIDDEN_REASONS: Record<number, string> = {
  // https://developers.cloudflare.com/workers-ai/models/llama-3.2-11b-vision-instruct/ (send "agree" once)
  5016: 'requires accepting its licence agreement first (send one request with the prompt "agree" from this account)',
  5035: 'is only available on the Workers Paid plan',
  3023: 'cannot be used: the Cloudflare account is blocked from Workers AI',
  5018: 'is private and not available to this Cloudflare account',
  3041: 'is private and not available to this Cloudflare account',
};

/**
 * Maps a Workers AI failure to the `GatewayError` clients see: THE table of SPEC §5, the one
 * place Cloudflare codes become statuses. Codes and their meanings are listed in
 * https://developers.cloudflare.com/workers-ai/platform/errors/ (plus codes seen in live calls,
 * e.g. 4006 for the exhausted daily allocation). Every result keeps `upstreamCode`.
 */
export function mapWorkersAiError(failure: WorkersAiFailure): GatewayError {
  const { code, httpStatus, model } = failure;
  const reason = stripPrefix(failure.message);
  const base = { upstreamCode: code, cause: { httpStatus, code, message: failure.message } };
  switch (code) {
    case 5007:
    case 3042:
      return new GatewayError(404, 'model_not_found', `The model '${model}' does not exist on Workers AI.`, {
        ...base,
        param: 'model',
      });
    case 5028:
      return new GatewayError(
        404,
        'model_not_found',
        `The model '${model}' has been removed from Workers AI (${reason}); choose a current model.`,
        { ...base, param: 'model' },
      );
    case 5006:
    case 3003:
    case 5004:
    case 3030:
      return new GatewayError(
        400,
        'invalid_request_error',
        `Workers AI rejected the request: ${reason}`,
        base,
      );
    case 10000:
      return failure.mode === 'passthrough'
        ? new GatewayError(
            401,
            'invalid_api_key',
            'Cloudflare rejected the API token: it must be valid and allowed to use Workers AI (Read and Edit).',
            base,
          )
        : new GatewayError(
            502,
            'upstream_auth_error',
            "Upstream rejected the gateway's Cloudflare token.",
            base,
          );
    case 3036:
    case 4006:
      return new GatewayError(
        429,
        'insufficient_quota',
        'The daily free allocation of Workers AI neurons is used up; it resets at 00:00 UTC.',
        { ...base, retryAfter: secondsUntilUtcMidnight(failure.now ?? new Date()) },
      );
    case 3040:
      return new GatewayError(
        503,
        'upstream_overloaded',
        `Workers AI has no capacity for '${model}' right now; retry shortly.`,
        { ...base, retryAfter: failure.retryAfter ?? OVERLOADED_RETRY_AFTER },
      );
    case 3006:
      return new GatewayError(
        413,
        'request_too_large',
        `The request is too large for Workers AI: ${reason}`,
        base,
      );
    case 3007:
    case 3008:
      return timeout(model, base);
    case 5016:
    case 5035:
    case 3023:
    case 5018:
    case 3041:
      return new GatewayError(
        403,
        'upstream_forbidden',
        `The model '${model}' ${FORBIDDEN_REASONS[code]}.`,
        base,
      );
    case 8007:
      return new GatewayError(
        502,
        'upstream_error',
        `The model '${model}' failed: ${nestedMessage(reason)}`,
        base,
      );
  }
  // Some paths report the HTTP status itself as the code ("429: Too Many Requests").
  if (httpStatus === 429 || code === 429) {
    return new GatewayError(429, 'rate_limit_exceeded', 'Workers AI rate limit reached; retry shortly.', {
      ...base,
      retryAfter: failure.retryAfter ?? RATE_LIMITED_RETRY_AFTER,
    });
  }
  if (httpStatus === 408 || code === 408) return timeout(model, base);
  const detail = code === undefined ? reason : `${reason} (code ${code})`;
  return new GatewayError(502, 'upstream_error', `Workers AI failed: ${detail}`, base);
}

function timeout(model: string, options: { upstreamCode: number | undefined; cause: unknown }): GatewayError {
  return new GatewayError(504, 'upstream_timeout', `Workers AI timed out running '${model}'.`, options);
}

// Cloudflare prefixes reasons with the JS error class that produced them; clients need only the reason.
function stripPrefix(message: string): string {
  const reason = message.replace(/^\s*(?:AiError|InferenceUpstreamError|Error):\s*/, '').trim();
  return reason === '' ? 'no reason given' : reason;
}

/**
 * 8007 wraps the error of the vLLM server behind OpenAI-schema models, as OpenAI error JSON
 * inside the message: `{"object":"error","message":"This model's maximum context length ...",...}`.
 */
function nestedMessage(reason: string): string {
  const start = reason.indexOf('{');
  if (start === -1) return reason;
  try {
    const value: unknown = JSON.parse(reason.slice(start));
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const inner =
        typeof record.error === 'object' && record.error !== null
          ? (record.error as Record<string, unknown>)
          : record;
      if (typeof inner.message === 'string' && inner.message !== '') return inner.message;
    }
  } catch {
    // Not JSON after all: the reason as Cloudflare wrote it is the best we have.
  }
  return reason;
}

function secondsUntilUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}
