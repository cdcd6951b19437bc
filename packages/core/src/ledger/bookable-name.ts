// The ledger refuses longer names (validateLedgerCharge); a charge is clamped to fit, not dropped.
const MAXIMUM_NAME_LENGTH = 200;

/**
 * A model ID or route name the ledger will accept: `name` itself when it has 1 to 200
 * characters, its first 200 characters when longer, `fallback` when empty or not a string.
 * Every change is logged: the neurons are booked either way, since they were spent.
 */
export function bookableName(name: unknown, fallback: string): string {
  if (typeof name === 'string' && name !== '' && name.length <= MAXIMUM_NAME_LENGTH) return name;
  const booked = typeof name === 'string' && name !== '' ? name.slice(0, MAXIMUM_NAME_LENGTH) : fallback;
  console.error(
    JSON.stringify({ ledger: 'name', booked_as: booked.slice(0, 60), length: String(name).length }),
  );
  return booked;
}
