import type { GatewayEnv, LedgerEnv } from '@workers-ai-gateways/core';

/**
 * image-gateway's bindings: Workers AI (`AI`), the R2 bucket that hosts images, the neuron ledger
 * (`NEURON_LEDGER`) and SPEC §3's settings.
 */
export interface Env extends GatewayEnv, LedgerEnv {
  IMAGES?: R2Bucket;
}
