import type { LedgerCharge } from './ledger-types';

// Model IDs and route names are short; a cap keeps a buggy caller from bloating the table.
const MAXIMUM_NAME_LENGTH = 200;

/**
 * Checks a charge before it is booked: a non-empty model and route, and a finite, non-negative
 * number of neurons. Throws a `TypeError` naming the problem (a programming error in a gateway,
 * never a client's fault).
 */
export function validateLedgerCharge(charge: LedgerCharge): void {
  const { model, route, neurons } = charge;
  if (typeof model !== 'string' || model === '' || model.length > MAXIMUM_NAME_LENGTH) {
    throw new TypeError('A ledger charge needs a model ID of 1 to 200 characters.');
  }
  if (typeof route !== 'string' || route === '' || route.length > MAXIMUM_NAME_LENGTH) {
    throw new TypeError('A ledger charge needs a route name of 1 to 200 characters.');
  }
  if (typeof neurons !== 'number' || !Number.isFinite(neurons) || neurons < 0) {
    throw new TypeError(`A ledger charge needs a finite, non-negative number of neurons, not ${neurons}.`);
  }
}
