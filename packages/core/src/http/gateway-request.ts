import type { IRequestStrict } from 'itty-router';
import type { GatewayConfig } from '../config/parse-config';
import type { WorkersAiRunOptions } from '../workers-ai/client/create-workers-ai-client';
import type { ChainAttempt } from '../workers-ai/client/run-model-chain';
import type { Caller } from './authenticate';

/** What a gateway knows about one request while handling it; also the source of its log line. */
export interface RequestState {
  /** Sent back as `x-request-id` and logged. */
  id: string;
  startedAt: number;
  config: GatewayConfig | undefined;
  caller: Caller | undefined;
  /** The upstream model the request used, for the log line. */
  model?: string;
  /** The translation engine that answered (`m2m100` or `llm:<model>`), for the log line. */
  engine?: string;
  /** Neurons charged, for the log line. */
  neurons?: number;
  /** The error code the request ended with, for the log line. */
  errorCode?: string;
  /** Each model tried when a fallback chain ran (`runWithFallbacks`), for the log line. */
  attempts?: ChainAttempt[];
  /** `x-session-affinity` for every upstream call of the request (`noteSessionAffinity`), already hashed. */
  sessionAffinity?: string;
  /** Options every upstream call of the request gets now (`upstreamFor`): the fallback chain's per try. */
  upstreamOptions?: Pick<WorkersAiRunOptions, 'retry' | 'rejectIfBusy'>;
}

/** The request every route handler receives: itty-router's request plus the gateway's state. */
export type GatewayRequest = IRequestStrict & { gateway: RequestState };

/** The configuration of a request that passed the router's `before` stage (always set there). */
export function requestConfig(request: GatewayRequest): GatewayConfig {
  const config = request.gateway.config;
  if (!config) throw new Error('requestConfig called before the configuration was parsed');
  return config;
}
