import { describe, expect, it } from 'vitest';
import { WORKERS_AI_ERROR_CASES } from '../../testing/workers-ai-error-cases';
import { mapWorkersAiError } from './map-workers-ai-error';

const model = '@cf/meta/llama-3.1-8b-instruct-fast';

function map(code: number | undefined, message: string, extra: Record<string, unknown> = {}) {
  return mapWorkersAiError({ code, message, mode: 'rest', model, ...extra });
}

describe('mapWorkersAiError', () => {
  it.each(WORKERS_AI_ERROR_CASES)(
    'maps %i to %i %s and keeps the upstream code',
    (code, status, errorCode) => {
      const error = map(code, 'AiError: something');
      expect(error.status).toBe(status);
      expect(error.code).toBe(errorCode);
      expect(error.upstreamCode).toBe(code);
    },
  );

  it('passes the reason of a bad input on, without the AiError prefix', () => {
    const error = map(5006, "AiError: Additional or unevaluated properties '/seed' at '/' not allowed");
    expect(error.message).toBe(
      "Workers AI rejected the request: Additional or unevaluated properties '/seed' at '/' not allowed",
    );
  });

  it('blames the caller for 10000 only in passthrough mode', () => {
    const error = mapWorkersAiError({
      code: 10000,
      message: 'Authentication error',
      mode: 'passthrough',
      model,
    });
    expect([error.status, error.code]).toEqual([401, 'invalid_api_key']);
    expect(map(10000, 'Authentication error').message).toBe(
      "Upstream rejected the gateway's Cloudflare token.",
    );
  });

  it('asks to come back at the next 00:00 UTC when the daily allocation is used', () => {
    const error = map(4006, 'you have used up your daily free allocation', {
      now: new Date('2026-08-01T23:00:00Z'),
    });
    expect(error.retryAfter).toBe(3600);
    expect(error.message).toContain('00:00 UTC');
  });

  it('gives Retry-After for capacity and rate limits, preferring the upstream value', () => {
    expect(map(3040, 'Capacity temporarily exceeded').retryAfter).toBe(5);
    const limited = map(undefined, 'Too Many Requests', { httpStatus: 429, retryAfter: 7 });
    expect([limited.status, limited.code, limited.retryAfter]).toEqual([429, 'rate_limit_exceeded', 7]);
  });

  it('names removed models and the reason for a forbidden one', () => {
    expect(map(5028, 'AiError: Model was deprecated on 2026-05-30.').message).toContain('removed');
    expect(map(5016, 'AiError: agree first').message).toContain('licence agreement');
    expect(map(5035, 'AiError: paid').message).toContain('Workers Paid');
  });

  it('extracts the OpenAI error nested in an 8007 message', () => {
    const nested = JSON.stringify({
      object: 'error',
      message: "This model's maximum context length is 8192 tokens.",
      code: 400,
    });
    expect(map(8007, `AiError: ${nested}`).message).toContain(
      "This model's maximum context length is 8192 tokens.",
    );
  });

  it('maps HTTP 408 to a timeout and an unknown internal error to 502', () => {
    expect(map(undefined, 'timeout', { httpStatus: 408 }).status).toBe(504);
    const internal = map(undefined, 'AiError: Unknown internal error', { httpStatus: 500 });
    expect([internal.status, internal.code]).toEqual([502, 'upstream_error']);
  });

  it('answers a context-window overflow as OpenAI does: 400 context_length_exceeded with the numbers', () => {
    // Recorded from the real Workers AI (HTTP 413).
    const recorded =
      'AiError: Ai: The estimated number of input and maximum output tokens (208406) exceeded this model context window limit (65536).';
    for (const [code, httpStatus, message] of [
      [5021, 413, recorded],
      [3030, 400, 'AiError: Max context reached 208406 tokens but model supports only 65536'],
      [
        8007,
        502,
        `AiError: ${JSON.stringify({ object: 'error', message: "This model's maximum context length is 65536 tokens. However, you requested 208406 tokens (200000 in the messages, 8406 in the completion)." })}`,
      ],
    ] as const) {
      const error = map(code, message, { httpStatus });
      expect([error.status, error.code, error.upstreamCode]).toEqual([400, 'context_length_exceeded', code]);
      expect(error.message).toBe(
        "This model's maximum context length is 65536 tokens. However, you requested 208406 tokens " +
          '(input plus maximum output). Please reduce the length of the messages or max_tokens.',
      );
    }
    // Over the binding (no HTTP status) and in an unknown wording it is still the client's to fix.
    expect(map(5021, 'AiError: input too large for this model').status).toBe(400);
    expect(map(undefined, 'AiError: prompt is too long for the context window').code).toBe(
      'context_length_exceeded',
    );
  });

  it('keeps the class of the upstream status for a code it does not list', () => {
    const cases: [number, string, number, string][] = [
      [400, 'rest', 400, 'invalid_request_error'],
      [403, 'rest', 403, 'upstream_forbidden'],
      [404, 'rest', 404, 'not_found'],
      [410, 'rest', 404, 'not_found'],
      [413, 'rest', 413, 'request_too_large'],
      [415, 'rest', 400, 'invalid_request_error'],
      [422, 'rest', 400, 'invalid_request_error'],
      [401, 'passthrough', 401, 'invalid_api_key'],
      [401, 'rest', 502, 'upstream_auth_error'],
      [500, 'rest', 502, 'upstream_error'],
      [502, 'rest', 502, 'upstream_error'],
      [503, 'rest', 503, 'upstream_overloaded'],
    ];
    for (const [httpStatus, mode, status, errorCode] of cases) {
      const error = map(7777, 'AiError: something new', { httpStatus, mode });
      expect([httpStatus, error.status, error.code]).toEqual([httpStatus, status, errorCode]);
      if (status < 500) expect(error.message).toContain('something new (code 7777)');
    }
    // Over the binding there is no status: an unknown code stays an upstream failure.
    expect(map(7777, 'AiError: something new').status).toBe(502);
  });
});
