import { GatewayError } from '../errors/gateway-error';

/** The `GatewayError` `promise` rejects with; fails the test when it resolves or throws anything else. */
export async function gatewayErrorOf(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError, but the promise resolved');
}
