// HTTP statuses Workers AI answers with each error code (workers-ai-facts.md, error table).
const statusByCode: Record<number, number> = {
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
};

/** The HTTP status Workers AI uses for a Cloudflare error code; unknown codes are internal errors. */
export function mapErrorStatus(code: number): number {
  return statusByCode[code] ?? 500;
}
