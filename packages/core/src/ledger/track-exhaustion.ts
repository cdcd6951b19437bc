import { isExhaustionError } from './is-exhaustion-error';
import type { GatewayLedger } from './ledger-for';

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
    if (isExhaustionError(error)) await ledger.markExhausted();
    throw error;
  }
}
