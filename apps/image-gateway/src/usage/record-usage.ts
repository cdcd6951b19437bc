import { estimateNeurons, type GatewayRequest, type ModelUsage } from '@workers-ai-gateways/core';

/**
 * The one place a route reports what its image calls consumed: it sets the model and neurons of
 * the request's log line (estimated from the catalog's image prices, rounded to four decimals
 * like Workers AI's own `usage.neurons`). A neuron ledger hooks in here, so every route charges
 * from the same numbers it logs. `afterResponse` marks streamed chat replies, whose images are
 * made after the request's log line was written: they get a second log line of their own.
 */
export function recordUsage(
  request: GatewayRequest,
  model: string,
  usage: ModelUsage,
  options: { afterResponse?: boolean } = {},
): number {
  const neurons = Math.round(estimateNeurons(model, usage) * 10_000) / 10_000;
  request.gateway.model = model;
  request.gateway.neurons = neurons;
  if (options.afterResponse === true) {
    console.log(JSON.stringify({ id: request.gateway.id, event: 'stream_end', model, neurons }));
  }
  return neurons;
}
