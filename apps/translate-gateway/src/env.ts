import type { GatewayEnv, LedgerEnv } from '@workers-ai-gateways/core';

/** translate-gateway's bindings: Workers AI (`AI`), the neuron ledger (`NEURON_LEDGER`) and the settings of SPEC §3. */
export interface Env extends GatewayEnv, LedgerEnv {}
