import { GatewayError } from '../errors/gateway-error';

// https://developers.cloudflare.com/workers-ai/platform/errors/ documents 3036 for the used-up
// daily free allocation; live calls answer 4006 for the same thing.
const EXHAUSTED_CODES = new Set([3036, 4006]);

/** Whether `error` is Workers AI saying today's free neuron allocation is used up (3036/4006). */
export function isExhaustionError(error: unknown): error is GatewayError {
  return (
    error instanceof GatewayError &&
    error.upstreamCode !== undefined &&
    EXHAUSTED_CODES.has(error.upstreamCode)
  );
}
