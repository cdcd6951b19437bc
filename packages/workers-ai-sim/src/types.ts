import type { ListedSearchModel } from './search-models';

/** Options of {@link Simulator}. */
export interface SimulatorOptions {
  /** Neurons a UTC day may use; past it every priced call fails with 4006. Default 10000. */
  dailyNeuronLimit?: number;
  /** Pause between streamed events, in milliseconds. Default 0. */
  tokenDelayMs?: number;
  /** Clock (ms) for the UTC-day rollover of the neuron count. Default `Date.now`. */
  now?: () => number;
}

/** A fault injected into upcoming calls. */
export type SimulatorFault = {
  /**
   * `reset`: the connection drops before the first byte of the answer: over REST the simulator's
   * `fetch` rejects as workerd's does ("Network connection lost."), the binding throws the same.
   * `busy`: the model has no capacity: a call sent with `rejectIfBusy` fails at once with 3040,
   * any other waits in the capacity queue (`ms`, default 1500) and is then answered.
   * `paid-only`: 403/5035 as on the Workers Free plan; `removed`: 410/5028 as for a retired model.
   */
  kind:
    | 'latency'
    | 'slow-tokens'
    | 'status'
    | 'truncate'
    | 'malformed'
    | 'reset'
    | 'busy'
    | 'paid-only'
    | 'removed';
  /** latency: delay before answering; slow-tokens: delay per stream event. */
  ms?: number;
  /** status: a Cloudflare error code, or 429 / 500 for a plain HTTP 429 / unknown internal error. */
  code?: number;
  /** truncate: the stream ends abruptly after this many events. */
  afterEvents?: number;
  /** Only for calls to this model; `models/search` aims a status fault at the model search. */
  model?: string;
  /** How many calls the fault applies to (default 1). */
  times?: number;
};

/** One `run` call as the simulator saw it. */
export interface SimulatorCall {
  model: string;
  inputs: unknown;
  via: 'rest' | 'binding';
  gatewayId?: string;
  /** Sent with `rejectIfBusy` (binding option, or REST body `options`). */
  rejectIfBusy?: boolean;
  /** The `x-session-affinity` it carried (REST header, binding `extraHeaders`). */
  sessionAffinity?: string;
}

/** Options of the binding's `run`, as in workerd's `AiOptions`. */
export interface SimulatorRunOptions {
  gateway?: { id: string };
  /** Fail at once with 3040 instead of queueing when the model is busy. */
  rejectIfBusy?: boolean;
  extraHeaders?: Record<string, string>;
  signal?: AbortSignal;
  returnRawResponse?: boolean;
}

/** An offline stand-in for Workers AI. */
export interface Simulator {
  /** Cloudflare's REST API. */
  fetch(request: Request): Promise<Response>;
  /** Shaped like a Workers `env.AI` binding. */
  binding: {
    run(model: string, inputs: Record<string, unknown>, options?: SimulatorRunOptions): Promise<unknown>;
    /** workerd's `env.AI.models(params)`: the model search's list. */
    models(params?: Record<string, unknown>): Promise<unknown[]>;
  };
  /** Adds (or replaces) a model in the model search's list, as when Cloudflare adds one. */
  listModel(model: ListedSearchModel): void;
  /** Drops a model from the model search's list, as when Cloudflare retires one. */
  unlistModel(name: string): void;
  /** Queued; consumed by matching calls. */
  injectFault(fault: SimulatorFault): void;
  /** Today's neuron count. */
  neuronsUsed(): number;
  /** Every run call, in order. */
  calls: SimulatorCall[];
  /** Clears calls, faults, neurons and changes to the model search's list. */
  reset(): void;
}

/** What a model produced, before it is rendered for REST or the binding. */
export type ModelOutput =
  | { kind: 'json'; result: unknown }
  /** SSE `data:` payloads in order, `[DONE]` included. */
  | { kind: 'events'; events: string[] }
  | { kind: 'binary'; bytes: Uint8Array; contentType: string };

/** A model's answer and what it costs. */
export interface ModelRun {
  output: ModelOutput;
  neurons: number;
}

/** A call's input once the transport (JSON, raw bytes, multipart) has been read. */
export interface ModelRequest {
  model: string;
  inputs: Record<string, unknown>;
  /** Raw request bytes (REST audio bodies). */
  bytes?: Uint8Array;
  /** Multipart fields (flux-2). */
  form?: FormData;
  /** Clock for `created` timestamps. */
  now: number;
  /**
   * The messages of the previous call to this model with the same `x-session-affinity`: a prompt
   * that starts with them is served partly from the prefix cache (`cached_tokens`).
   */
  cachedPrefix?: unknown[];
}
