/**
 * What a client sees for each Workers AI error code, as `[upstream code, gateway status, gateway
 * error code]`: the expected side of core's `mapWorkersAiError` table (SPEC §5), shared by every
 * test that injects upstream failures (the fake upstream, the simulator, over binding and REST).
 */
export const WORKERS_AI_ERROR_CASES: ReadonlyArray<readonly [number, number, string]> = [
  [5007, 404, 'model_not_found'],
  [3042, 404, 'model_not_found'],
  [5028, 404, 'model_not_found'],
  [5006, 400, 'invalid_request_error'],
  [3003, 400, 'invalid_request_error'],
  [5004, 400, 'invalid_request_error'],
  [3030, 400, 'invalid_request_error'],
  [10000, 502, 'upstream_auth_error'],
  [3036, 429, 'insufficient_quota'],
  [4006, 429, 'insufficient_quota'],
  [3040, 503, 'upstream_overloaded'],
  [429, 429, 'rate_limit_exceeded'],
  [3006, 413, 'request_too_large'],
  [3007, 504, 'upstream_timeout'],
  [3008, 504, 'upstream_timeout'],
  [5016, 403, 'upstream_forbidden'],
  [5035, 403, 'upstream_forbidden'],
  [3023, 403, 'upstream_forbidden'],
  [5018, 403, 'upstream_forbidden'],
  [3041, 403, 'upstream_forbidden'],
  [8007, 502, 'upstream_error'],
  [5021, 400, 'context_length_exceeded'],
  [3039, 400, 'invalid_request_error'],
  [5005, 400, 'invalid_request_error'],
  [5019, 502, 'upstream_error'],
  [500, 502, 'upstream_error'],
  // A code Workers AI has not documented.
  [9999, 502, 'upstream_error'],
];
