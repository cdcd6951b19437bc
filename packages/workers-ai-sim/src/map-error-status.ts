/**
 * The HTTP status Workers AI answers with for each Cloudflare error code (reference/
 * workers-ai-facts.md, error table): the upstream side of the table, read by the simulator and by
 * core's tests (its fake upstream). How the gateways map these to their own errors is core's
 * `mapWorkersAiError`, a different table.
 */
export const WORKERS_AI_ERROR_STATUS: Readonly<Record<number, number>> = {
  5007: 400,
  3042: 404,
  5028: 410,
  5006: 400,
  5004: 400,
  3003: 400,
  3030: 400,
  3006: 413,
  3007: 408,
  3008: 408,
  3036: 429,
  4006: 429,
  3040: 429,
  429: 429,
  5016: 403,
  5018: 403,
  3041: 403,
  5035: 403,
  3023: 403,
  10000: 401,
  8007: 502,
  // Seen live for input plus max output over the model's window; not in Cloudflare's table.
  5021: 413,
  3039: 400,
  5019: 405,
  5005: 405,
};

/** The HTTP status Workers AI uses for a Cloudflare error code; unknown codes are internal errors. */
export function mapErrorStatus(code: number): number {
  return WORKERS_AI_ERROR_STATUS[code] ?? 500;
}
