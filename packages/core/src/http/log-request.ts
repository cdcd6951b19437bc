import type { RequestState } from './gateway-request';

/**
 * Writes the one structured log line of a request: id, route, model (and translation engine), status, duration, neurons,
 * and the models a fallback chain tried.
 * It is built from an allow-list of fields, so keys, tokens and bodies cannot reach the log.
 */
export function logRequest(state: RequestState, request: Request, status: number): void {
  const url = new URL(request.url);
  const line: Record<string, unknown> = {
    id: state.id,
    method: request.method,
    route: url.pathname.length > 200 ? `${url.pathname.slice(0, 200)}…` : url.pathname,
    status,
    ms: Date.now() - state.startedAt,
  };
  if (state.model) line.model = state.model;
  if (state.engine) line.engine = state.engine;
  if (state.neurons !== undefined) line.neurons = state.neurons;
  if (state.errorCode) line.error = state.errorCode;
  // Only when a chain did more than answer at its first try: which models failed, and why.
  if (state.attempts && (state.attempts.length > 1 || state.attempts[0]?.outcome !== 'ok')) {
    line.attempts = state.attempts.map((attempt) => `${attempt.model}: ${attempt.outcome}`);
  }
  console.log(JSON.stringify(line));
}
