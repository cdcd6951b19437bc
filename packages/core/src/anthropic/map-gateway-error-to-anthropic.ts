import type { GatewayError } from '../errors/gateway-error';

/** Anthropic's error envelope. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

/** The HTTP status Anthropic answers a gateway error with: 529 when Workers AI has no capacity. */
export function anthropicStatusOf(error: GatewayError): number {
  return error.code === 'upstream_overloaded' ? 529 : error.status;
}

function anthropicType(error: GatewayError): string {
  const status = anthropicStatusOf(error);
  switch (status) {
    case 400:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 504:
      return 'timeout_error';
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

/**
 * Anthropic's error envelope `{type: "error", error: {type, message}}` for a gateway error, as a
 * response body or a stream's `error` event: the types the Anthropic SDKs and Claude Code act on
 * (`overloaded_error` and `rate_limit_error` are retried, `invalid_request_error` is shown); the
 * field at fault, when known, leads the message.
 */
export function mapGatewayErrorToAnthropic(error: GatewayError): AnthropicErrorBody {
  // Anthropic's envelope has no `param`: its messages start with the field (`tools.0.type: …`).
  const message =
    error.param === undefined || error.message.includes(error.param)
      ? error.message
      : `${error.param}: ${error.message}`;
  return { type: 'error', error: { type: anthropicType(error), message } };
}
