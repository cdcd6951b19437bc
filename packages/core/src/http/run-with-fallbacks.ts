import type { Task } from '../workers-ai/catalog/catalog-model';
import { planModelChain } from '../workers-ai/catalog/plan-model-chain';
import type { ResolvedModel } from '../workers-ai/catalog/resolve-model';
import { type ModelChainRun, runModelChain } from '../workers-ai/client/run-model-chain';
import { isFreePlan, noteFreePlan } from './free-plan';
import { type GatewayRequest, requestConfig } from './gateway-request';
import { liveModelsFor } from './live-models-for';
import { requestLedger } from './request-ledger';

/** What a request answered by a fallback chain needs to know. */
export interface FallbackOutcome<T> {
  value: T;
  /** The model that answered: the response's `model` field. */
  resolved: ResolvedModel;
  /** `x-model-replaced` and `x-model-fallback`, when they apply. */
  headers: Record<string, string>;
}

/** Today's spend is past `BUDGET_DOWNGRADE_AT` of `DAILY_NEURON_BUDGET` (both set). */
async function isDowngrading(request: GatewayRequest): Promise<boolean> {
  const { budgetDowngradeAt, dailyNeuronBudget } = requestConfig(request);
  if (budgetDowngradeAt === undefined || dailyNeuronBudget <= 0) return false;
  return (await requestLedger(request).spent()) >= budgetDowngradeAt * dailyNeuronBudget;
}

/**
 * Answers a request with the first model of its fallback chain that can (issue 14), the one
 * mechanism of every gateway: `planModelChain` from the requested name, `MODEL_ALIASES`,
 * `MODEL_FALLBACKS`, the plan and the day's spend (`BUDGET_DOWNGRADE_AT`), then `runModelChain`. `attempt` does the route's work for one
 * model (convert the request for it, call `upstreamFor(request).run`, map the answer); while it
 * runs, `upstreamFor` adds that try's options (`rejectIfBusy` while another model is left).
 * A stream falls back only while `attempt` has not returned it: once the route has a stream in
 * hand, its bytes belong to the client.
 *
 * Sets the log line's model and its `attempts`; returns the answering model and the headers that
 * say what happened: `x-model-fallback: <asked> -> <used> (<reason>)`, `x-model-replaced`.
 */
export async function runWithFallbacks<T>(
  request: GatewayRequest,
  requested: string,
  task: Task,
  attempt: (resolved: ResolvedModel) => Promise<T>,
): Promise<FallbackOutcome<T>> {
  const config = requestConfig(request);
  const freePlan = isFreePlan(config);
  // On the Free plan the live list's Paid-only marks count too (models the catalog does not know).
  const live = freePlan ? await liveModelsFor(request) : undefined;
  const paidOnly = new Set(live?.filter((model) => model.paidOnly).map((model) => model.id));
  const chain = planModelChain(requested, {
    aliases: config.modelAliases,
    fallbacks: config.modelFallbacks,
    task,
    freePlan,
    isPaidOnly: (resolved) => resolved.entry?.paidOnly === true || paidOnly.has(resolved.model),
    downgrade: await isDowngrading(request),
  });
  const state = request.gateway;
  const [first] = chain.candidates;
  if (first !== undefined) state.model = first.model;
  let run: ModelChainRun<T>;
  try {
    run = await runModelChain(
      chain.candidates,
      async (candidate, options) => {
        state.model = candidate.model;
        state.upstreamOptions = options;
        try {
          return await attempt(candidate);
        } finally {
          state.upstreamOptions = undefined;
        }
      },
      {
        signal: request.signal,
        onAttempt: (tried) => {
          state.attempts = [...(state.attempts ?? []), tried];
          if (tried.outcome === 'Paid-only') noteFreePlan(config);
        },
      },
    );
  } catch (error) {
    if (first !== undefined) state.model = first.model;
    throw error;
  }
  const used = run.used;
  state.model = used.model;
  const headers: Record<string, string> = {};
  if (used.replacedFrom !== undefined) headers['x-model-replaced'] = `${used.replacedFrom} -> ${used.model}`;
  // Downgraded: the model the alias names is the one asked for, the cheaper one the first tried.
  const asked = chain.downgradedFrom ?? first?.model;
  const reasons = [
    ...(chain.downgradedFrom === undefined ? [] : ['budget']),
    ...(run.reason ? [run.reason] : []),
  ];
  if (asked !== undefined && reasons.length > 0 && asked !== used.model) {
    headers['x-model-fallback'] = `${asked} -> ${used.model} (${reasons.join(', then ')})`;
  }
  return { value: run.value, resolved: used, headers };
}
