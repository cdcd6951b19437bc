import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error';
import { fallbackReasonOf } from './fallback-reason-of';
import { mapWorkersAiError } from './map-workers-ai-error';

const failure = (code: number | undefined, httpStatus: number, message = 'AiError: failure') =>
  mapWorkersAiError({ code, httpStatus, message, mode: 'rest', model: '@cf/x/y' });

describe('fallbackReasonOf', () => {
  it.each([
    [3040, 429, 'busy'],
    [undefined, 429, 'rate limited'],
    [undefined, 503, 'busy'],
    [3043, 500, 'upstream error'],
    [3007, 408, 'timeout'],
    [5035, 403, 'Paid-only'],
    [5028, 410, 'removed'],
    [undefined, 410, 'removed'],
  ])('moves on from upstream %s (HTTP %i): %s', (code, status, reason) => {
    expect(fallbackReasonOf(failure(code, status))).toBe(reason);
  });

  it.each([
    [5006, 400],
    [3036, 429],
    [4006, 429],
    [10000, 401],
    [3006, 413],
    [5016, 403],
  ])('never moves on from upstream %i (HTTP %i)', (code, status) => {
    expect(fallbackReasonOf(failure(code, status))).toBeUndefined();
  });

  it("never moves on from the client's context overflow, the gateway's configuration, or a non-gateway error", () => {
    expect(
      fallbackReasonOf(
        failure(5021, 413, 'tokens (208406) exceeded this model context window limit (65536)'),
      ),
    ).toBeUndefined();
    expect(fallbackReasonOf(new GatewayError(503, 'configuration_error', 'x'))).toBeUndefined();
    expect(fallbackReasonOf(new Error('boom'))).toBeUndefined();
    expect(fallbackReasonOf(new GatewayError(502, 'upstream_unreachable', 'x'))).toBe('connection lost');
  });
});
