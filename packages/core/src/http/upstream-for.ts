import type { GatewayConfig } from '../config/parse-config';
import {
  createWorkersAiClient,
  type WorkersAiClient,
  type WorkersAiInputs,
  type WorkersAiResult,
  type WorkersAiRunOptions,
} from '../workers-ai/client/create-workers-ai-client';
import type { GatewayRequest } from './gateway-request';
import { requestConfig } from './gateway-request';

const clients = new WeakMap<GatewayConfig, WorkersAiClient>();

/**
 * The Workers AI client for one request, built from the gateway's configuration (and reused
 * across requests of the isolate). In passthrough mode the caller's own Cloudflare token is
 * attached to every call, so route handlers never handle tokens themselves; so are the options of
 * the fallback chain's current try (`request.gateway.upstreamOptions`).
 */
export function upstreamFor(request: GatewayRequest): {
  run(model: string, inputs: WorkersAiInputs, options?: WorkersAiRunOptions): Promise<WorkersAiResult>;
} {
  const config = requestConfig(request);
  let client = clients.get(config);
  if (!client) {
    client = createWorkersAiClient({
      mode: config.upstreamMode,
      binding: config.binding,
      accountId: config.accountId,
      apiToken: config.apiToken,
      apiBase: config.apiBase,
      gatewayId: config.gatewayId,
    });
    clients.set(config, client);
  }
  const caller = request.gateway.caller;
  const token = caller?.kind === 'passthrough' ? caller.token : undefined;
  const bound = client;
  const state = request.gateway;
  return {
    // Read on each call: a fallback chain changes them between its tries.
    run: (model, inputs, options = {}) =>
      bound.run(model, inputs, {
        ...state.upstreamOptions,
        ...options,
        ...(token === undefined ? {} : { token }),
      }),
  };
}
