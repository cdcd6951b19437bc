import { type GatewayRequest, renderUsage, requestLedger } from '@workers-ai-gateways/core';

/** `GET /v1/usage`: today's neurons from the ledger (SPEC §7), per model and per route. */
export async function usage(request: GatewayRequest): Promise<Response> {
  return renderUsage(await requestLedger(request).usage());
}
