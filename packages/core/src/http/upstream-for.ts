import type { GatewayConfig } from '../config/parse-config';
import {
  createWorkersAiClient,
  type WorkersAiClient,
  type WorkersAiInputs,
  type WorkersAiResult,
  type WorkersAiRunOptions,
} from '../workers-ai/client/create-workers-ai-client';
import { noteTokenAccepted } from './ensure-passthrough-token-accepted';
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
  const bound = client;
  const state = request.gateway;
  // Read on each call: a fallback chain changes them between its tries.
  const withTry = (options: WorkersAiRunOptions = {}) => ({
    ...state.upstreamOptions,
    ...(state.sessionAffinity === undefined ? {} : { sessionAffinity: state.sessionAffinity }),
    ...options,
  });
  if (caller?.kind !== 'passthrough')
    return { run: (model, inputs, options) => bound.run(model, inputs, withTry(options)) };
  return {
    // Any answer at all means Workers AI accepted the caller's token (it checks it first).
    run: async (model, inputs, options = {}) => {
      const result = await bound.run(model, inputs, { ...withTry(options), token: caller.token });
      noteTokenAccepted(caller.tenant);
      return result;
    },
  };
}
