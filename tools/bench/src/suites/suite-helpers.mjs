// Shared by the reliability suites: sending to a gateway, and what every answer must satisfy.
import assert from 'node:assert/strict';
import { errorProblems, leakProblems } from '../lib/envelopes.mjs';
import { sendRequest } from '../lib/send-request.mjs';

/** Every request of the suites must end within this many milliseconds ("no hang"). */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Sends a request to one gateway of the environment, bounded by REQUEST_TIMEOUT_MS. */
export function send(environment, gateway, request) {
  return sendRequest(environment.gateways[gateway].url, { timeoutMs: REQUEST_TIMEOUT_MS, ...request });
}

/** The router's answer for a route that does not exist (OpenAI "Unknown route", DeepLX "Path not found"). */
export function isUnknownRoute(response) {
  if (response.status !== 404) return false;
  try {
    const body = JSON.parse(response.text);
    const message = body?.error?.message ?? body?.message ?? '';
    return message.startsWith('Unknown route') || message === 'Path not found';
  } catch {
    return false;
  }
}

/** Fails when `response` shows that the endpoint `key` (`gateway METHOD /path`) does not exist. */
export function assertRouteExists(key, response) {
  assert.ok(
    !isUnknownRoute(response),
    `${key} answers "unknown route": every endpoint a suite drives must exist`,
  );
}

/** `gateway METHOD /path`, as suites and bench rows name an endpoint in their messages. */
export function endpointKey(gateway, method, path) {
  return `${gateway} ${method} ${path}`;
}

/**
 * Problems with any answer of `gateway` at `path`: no answer or a hang, a 5xx when none is allowed,
 * an error outside the route's envelope, a leaked stack or secret.
 */
export function answerProblems(
  environment,
  gateway,
  path,
  response,
  { allow5xx = false, method = 'POST' } = {},
) {
  if (response.timedOut) return [`hang: ${response.error}`];
  if (response.status === 0) return [`no answer: ${response.error}`];
  const problems = [];
  if (response.status >= 500 && !allow5xx) problems.push(`status ${response.status}`);
  // A HEAD answer has no body to hold an envelope.
  if (response.status >= 400 && method !== 'HEAD') {
    problems.push(...errorProblems(gateway, path, response, [environment.secret]));
  } else {
    problems.push(...leakProblems(response, [environment.secret]));
  }
  return problems;
}

/** Asserts there are no problems, naming the request that caused them. */
export function assertNoProblems(problems, description) {
  assert.deepEqual(problems, [], `${description}: ${problems.join('; ')}`);
}
