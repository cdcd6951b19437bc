import { estimateNeurons, type GatewayRequest, type ModelUsage } from '@workers-ai-gateways/core';

/**
 * The one place a route reports what a call consumed: it sets the model and neurons of the
 * request's log line, preferring the neurons Workers AI reported itself over the catalog
 * estimate. The neuron ledger hooks in here, so every route charges from the same numbers it
 * logs. `afterResponse` marks streams, whose usage is only known once the last byte is sent
 * (after the request's log line was written): they get a second log line of their own.
 */
export function recordUsage(
  request: GatewayRequest,
  model: string,
  usage: ModelUsage,
  options: { reportedNeurons?: number; afterResponse?: boolean } = {},
): number {
  const neurons = Math.round((options.reportedNeurons ?? estimateNeurons(model, usage)) * 10_000) / 10_000;
  request.gateway.model = model;
  request.gateway.neurons = neurons;
  if (options.afterResponse === true) {
    console.log(JSON.stringify({ id: request.gateway.id, event: 'stream_end', model, neurons }));
  }
  return neurons;
}
