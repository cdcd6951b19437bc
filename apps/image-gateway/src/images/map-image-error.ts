import { GatewayError, toGatewayError } from '@workers-ai-gateways/core';

/**
 * Specialises an upstream failure for image routes. Workers AI reports a prompt or image its
 * safety filter rejects as code 3030 (the same code as "max context reached" for text), which the
 * shared table maps to a generic 400; image clients expect OpenAI's `content_policy_violation`.
 * Everything else passes through unchanged.
 */
export function mapImageError(error: unknown): GatewayError {
  const gatewayError = toGatewayError(error);
  if (gatewayError.upstreamCode !== 3030 || gatewayError.code === 'context_length_exceeded')
    return gatewayError;
  const reason = gatewayError.message.replace(/^Workers AI rejected the request:\s*/, '');
  return new GatewayError(
    400,
    'content_policy_violation',
    `Your request was rejected by the image model's safety system: ${reason}`,
    { param: 'prompt', upstreamCode: 3030, cause: gatewayError },
  );
}
