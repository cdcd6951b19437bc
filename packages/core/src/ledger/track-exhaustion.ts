import { GatewayError } from '../http/gateway-error';
import type { GatewayLedger } from './ledger-for';

// https://developers.cloudflare.com/workers-ai/platform/errors/ documents 3036 for the used-up
// daily free allocation; live calls answer 4006 for the same thing.
const EXHAUSTED_CODES = new Set([3036, 4006]);

/**
 * Runs an upstream call and, when Workers AI answers that today's free allocation is used up
 * (3036/4006, already mapped to a 429 `insufficient_quota` GatewayError by the client), marks
 * the day exhausted in the ledger so later requests are refused before reaching Workers AI.
 * The error is rethrown as is.
 */
export async function trackExhaustion<T>(
  ledger: Pick<GatewayLedger, 'markExhausted'>,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (
      error instanceof GatewayError &&
      error.upstreamCode !== undefined &&
      EXHAUSTED_CODES.has(error.upstreamCode)
    ) {
      await ledger.markExhausted();
    }
    throw error;
  }
}
