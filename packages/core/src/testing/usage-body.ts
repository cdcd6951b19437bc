import type { LedgerUsage } from '../ledger/ledger-types';

/** The JSON body of `GET /v1/usage`. */
export type UsageBody = LedgerUsage & { object: string };
