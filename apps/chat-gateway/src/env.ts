import type { GatewayEnv } from '@workers-ai-gateways/core';

/** chat-gateway's bindings: Workers AI (`AI`) and the settings of SPEC §3. */
export interface Env extends GatewayEnv {}
