import type { GatewayEnv } from '@workers-ai-gateways/core';

/** image-gateway's bindings: Workers AI (`AI`), the R2 bucket that hosts images, and SPEC §3's settings. */
export interface Env extends GatewayEnv {
  IMAGES?: R2Bucket;
}
