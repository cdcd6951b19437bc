import type { ModelUsage } from '../workers-ai/catalog/catalog-model';
import { estimateNeurons } from '../workers-ai/catalog/estimate-neurons';
import { chargeRoute } from './charge-route';
import type { GatewayRequest } from './gateway-request';
import { requestLedger } from './request-ledger';

/** What one upstream call (or one request's calls together) consumed. */
export interface UsageRecord {
  /** The Workers AI model the neurons were spent on. */
  model: string;
  /** The call's usage in the catalog's units, priced by `estimateNeurons`. */
  usage: ModelUsage;
  /** The neurons Workers AI reported itself; preferred over the catalog estimate. */
  reportedNeurons?: number;
}

/** How `recordUsage` books a record; by default it charges and replaces the log line's figure. */
export interface RecordUsageOptions {
  /** `false` only logs: the neurons a request is about to spend, charged once the calls are done. */
  charge?: boolean;
  /** Adds to the request's logged neurons (unrounded) instead of replacing them: one record per call. */
  add?: boolean;
  /**
   * The request's log line was already written (a stream, whose usage is known only once its
   * last byte is sent): the record gets a `stream_end` log line of its own.
   */
  afterResponse?: boolean;
}

/**
 * The one usage path of every gateway route: from one usage record it charges the neuron ledger
 * (unrounded, so a day of tiny charges adds up exactly; kept alive by the request's
 * `ctx.waitUntil`, attached by `withLedger`) and sets the model and neurons of the request's log
 * line (rounded to four decimals like Workers AI's own `usage.neurons`). Returns the neurons
 * logged for this record.
 */
export function recordUsage(
  request: GatewayRequest,
  record: UsageRecord,
  options: RecordUsageOptions = {},
): number {
  const spent = record.reportedNeurons ?? estimateNeurons(record.model, record.usage);
  if (options.charge !== false) void requestLedger(request).charge(chargeRoute(request), record.model, spent);
  const neurons = Math.round(spent * 10_000) / 10_000;
  const state = request.gateway;
  state.model = record.model;
  // Per-call records add up unrounded, so many small calls log their exact sum.
  state.neurons = options.add === true ? (state.neurons ?? 0) + spent : neurons;
  if (options.afterResponse === true) {
    console.log(JSON.stringify({ id: state.id, event: 'stream_end', model: record.model, neurons }));
  }
  return neurons;
}
