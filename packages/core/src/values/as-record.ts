/**
 * `value` as a plain object to read fields from, or `undefined` when it is not one (`null`, an
 * array, a primitive). Upstream JSON is read field by field this way, never trusted whole.
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
