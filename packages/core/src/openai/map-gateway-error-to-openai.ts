import type { GatewayError } from '../errors/gateway-error';

function openAiType(error: GatewayError): string {
  if (error.code === 'insufficient_quota') return 'insufficient_quota';
  if (error.status === 401) return 'invalid_request_error';
  if (error.status === 429) return 'rate_limit_error';
  if (error.status >= 500) return error.status === 503 ? 'service_unavailable' : 'api_error';
  return 'invalid_request_error';
}

/**
 * OpenAI's error envelope `{error: {message, type, param, code}}` for a gateway error, as a
 * response body or a stream's error event: the shape the `openai` SDKs, OneAPI and chat UIs parse.
 */
export function mapGatewayErrorToOpenAi(error: GatewayError): {
  error: { message: string; type: string; param: string | null; code: string };
} {
  return {
    error: { message: error.message, type: openAiType(error), param: error.param ?? null, code: error.code },
  };
}
