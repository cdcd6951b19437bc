import type { GatewayEnv, LedgerEnv } from '@workers-ai-gateways/core';
import type { ResponseStore } from './responses/response-store';

/**
 * chat-gateway's bindings: Workers AI (`AI`), the neuron ledger (`NEURON_LEDGER`), the Responses
 * API's store (`RESPONSE_STORE`) and the settings of SPEC §3, plus `RESPONSES_TTL_DAYS`.
 */
export interface Env extends GatewayEnv, LedgerEnv {
  RESPONSE_STORE?: DurableObjectNamespace<ResponseStore>;
  /** Days a stored response is kept (default 7). */
  RESPONSES_TTL_DAYS?: string;
}
