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
 * place Cloudflare codes become statuses (README "Errors" points here). Codes and their meanings
 * are listed in https://developers.cloudflare.com/workers-ai/platform/errors/ (checked
 * 2026-12-03: 5007, 5004, 3039, 3003, 5018, 5016, 3023, 3041, 5019, 5005, 3042, 3006, 3007, 3008,
 * 3036, 3040), plus codes seen in live calls (4006, 5021, 5028, 5006, 5035, 8007, 10000).
 *
 * An answer about the context window, whatever its code (5021; 3030 "Max context reached"; 8007
 * wrapping vLLM's "maximum context length"), is the client's to fix: 400 `context_length_exceeded`
 * as OpenAI answers it, so SDKs do not retry it. A code not in the table keeps the class of
 * Workers AI's HTTP status: an upstream 4xx stays a 4xx (a client error retried by an SDK would
 * only spend the call again); only upstream 5xx, and failures with no status at all, are 5xx.
 * Every result keeps `upstreamCode`.
 */
export function mapWorkersAiError(failure: WorkersAiFailure): GatewayError {
  const { code, httpStatus, model } = failure;
  const reason = stripPrefix(failure.message);
  const base = { upstreamCode: code, cause: { httpStatus, code, message: failure.message } };
  const overContext = parseContextOverflow(code === 8007 ? nestedMessage(reason) : reason);
  if (overContext !== undefined) return contextLengthExceeded(overContext, base);
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
    case 3039:
    case 5005:
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
    case 5021:
      // Documented nowhere but seen live (HTTP 413) for input plus max output over the window;
      // its usual wording is caught above with the numbers, this keeps any other wording a 400.
      return contextLengthExceeded({ message: reason }, base);
    case 5019:
      // "Deprecated SDK version": the gateway's own request shape is at fault, not the client's.
      return new GatewayError(
        502,
        'upstream_error',
        `Workers AI refused the gateway's request: ${reason}`,
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
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return clientError(httpStatus, failure.mode, `Workers AI rejected the request: ${detail}`, base);
  }
  if (httpStatus === 503) {
    return new GatewayError(503, 'upstream_overloaded', `Workers AI is unavailable: ${detail}`, {
      ...base,
      retryAfter: failure.retryAfter ?? OVERLOADED_RETRY_AFTER,
    });
  }
  return new GatewayError(502, 'upstream_error', `Workers AI failed: ${detail}`, base);
}

type ErrorOptions = { upstreamCode: number | undefined; cause: unknown };

/** An unlisted upstream 4xx, kept a client error of the nearest status. */
function clientError(
  status: number,
  mode: WorkersAiMode,
  message: string,
  options: ErrorOptions,
): GatewayError {
  switch (status) {
    case 401:
      // Only in passthrough is the rejected credential the client's own.
      return mode === 'passthrough'
        ? new GatewayError(401, 'invalid_api_key', message, options)
        : new GatewayError(
            502,
            'upstream_auth_error',
            "Upstream rejected the gateway's Cloudflare token.",
            options,
          );
    case 403:
      return new GatewayError(403, 'upstream_forbidden', message, options);
    case 404:
    case 410:
      return new GatewayError(404, 'not_found', message, options);
    case 413:
      return new GatewayError(413, 'request_too_large', message, options);
    default:
      return new GatewayError(400, 'invalid_request_error', message, options);
  }
}

/** What a context-window answer says: the window and the tokens asked for, when it names them. */
interface ContextOverflow {
  limit?: number;
  requested?: number;
  message?: string;
}

const CONTEXT_OVERFLOW_PATTERNS: readonly { pattern: RegExp; requested: number; limit: number }[] = [
  // 5021, HTTP 413: "The estimated number of input and maximum output tokens (208406) exceeded
  // this model context window limit (65536)."
  { pattern: /tokens \((\d+)\) exceeded this model context window limit \((\d+)\)/i, requested: 1, limit: 2 },
  // 3030: "Max context reached 82800 tokens but model supports only 60000".
  { pattern: /max context reached (\d+) tokens but model supports only (\d+)/i, requested: 1, limit: 2 },
  // vLLM inside 8007: "This model's maximum context length is 32768 tokens. However, you requested 40000 tokens".
  {
    pattern: /maximum context length is (\d+) tokens\. However, you requested (\d+)/i,
    requested: 2,
    limit: 1,
  },
];

function parseContextOverflow(reason: string): ContextOverflow | undefined {
  for (const { pattern, requested, limit } of CONTEXT_OVERFLOW_PATTERNS) {
    const match = pattern.exec(reason);
    if (match !== null) return { requested: Number(match[requested]), limit: Number(match[limit]) };
  }
  if (/context window|context length|input is too long|prompt is too long/i.test(reason))
    return { message: reason };
  return undefined;
}

function contextLengthExceeded(overflow: ContextOverflow, options: ErrorOptions): GatewayError {
  const message =
    overflow.limit !== undefined && overflow.requested !== undefined
      ? `This model's maximum context length is ${overflow.limit} tokens. However, you requested ` +
        `${overflow.requested} tokens (input plus maximum output). Please reduce the length of the ` +
        'messages or max_tokens.'
      : `The request does not fit the model's context window: ${overflow.message ?? 'input too long'}. ` +
        'Please reduce the length of the messages or max_tokens.';
  return new GatewayError(400, 'context_length_exceeded', message, options);
}

function timeout(model: string, options: ErrorOptions): GatewayError {
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
