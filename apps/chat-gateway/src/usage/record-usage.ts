import {
  estimateNeurons,
  type GatewayRequest,
  type ModelUsage,
  requestLedger,
} from '@workers-ai-gateways/core';

/**
 * The one place a route reports what a call consumed: it charges the neuron ledger and sets the
 * model and neurons of the request's log line, preferring the neurons Workers AI reported itself
 * over the catalog estimate. `afterResponse` marks streams, whose usage is only known once the
 * last byte is sent (after the request's log line was written): they get a second log line of
 * their own. Streams cut off mid-way come here too, with what was produced so far.
 */
export function recordUsage(
  request: GatewayRequest,
  model: string,
  usage: ModelUsage,
  options: { reportedNeurons?: number; afterResponse?: boolean } = {},
): number {
  const spent = options.reportedNeurons ?? estimateNeurons(model, usage);
  // The ledger gets the unrounded value so that a day of tiny charges adds up exactly. The charge
  // is kept alive by the request's `ctx.waitUntil` (attached by `withLedger`), also for streams.
  void requestLedger(request).charge(new URL(request.url).pathname, model, spent);
  const neurons = Math.round(spent * 10_000) / 10_000;
  request.gateway.model = model;
  request.gateway.neurons = neurons;
  if (options.afterResponse === true) {
    console.log(JSON.stringify({ id: request.gateway.id, event: 'stream_end', model, neurons }));
  }
  return neurons;
}
