import { GatewayError } from '../../errors/gateway-error';
import { claudeFamilyOf } from './anthropic-model-aliases';
import type { ModelUsage, Task } from './catalog-model';
import { DEFAULT_FALLBACK_CHAINS } from './default-fallback-chains';
import { estimateNeurons } from './estimate-neurons';
import { type ResolvedModel, resolveModel } from './resolve-model';

/** Options of `planModelChain`. */
export interface PlanModelChainOptions {
  /** Parsed `MODEL_ALIASES`. */
  aliases?: Record<string, string>;
  /** Parsed `MODEL_FALLBACKS`: the operator's chains, over the built-in ones. */
  fallbacks?: Record<string, string[]>;
  /** The task the route serves; chain members of another task are a configuration error. */
  task?: Task;
  /** The account is on the Workers Free plan: Paid-only models are never chosen by an alias or a chain. */
  freePlan?: boolean;
  /** Whether a model is Paid-only; defaults to the catalog's mark. */
  isPaidOnly?: (resolved: ResolvedModel) => boolean;
  /** Today's spend is past `BUDGET_DOWNGRADE_AT`: an alias starts with the cheapest model of its chain. */
  downgrade?: boolean;
}

/** The models one request may be answered by, in the order to try them. */
export interface ModelChain {
  /** The first is the model the request is answered by when all goes well. */
  candidates: ResolvedModel[];
  /** The model the request would have used had the budget not moved the cheapest model first. */
  downgradedFrom?: string;
}

// What "cheaper" means for a chain: the neurons of a typical call of each task.
const TYPICAL_USAGE: Partial<Record<Task, ModelUsage>> = {
  'text-generation': { inputTokens: 1000, outputTokens: 250 },
  translation: { inputTokens: 200, outputTokens: 200 },
  'text-to-image': { width: 1024, height: 1024, steps: 4 },
};

function isWorkersAiId(name: string): boolean {
  return name.startsWith('@cf/') || name.startsWith('@hf/');
}

function ownChain(
  chains: Readonly<Record<string, readonly string[]>>,
  name: string,
): readonly string[] | undefined {
  if (Object.hasOwn(chains, name)) return chains[name];
  const lowerCase = name.toLowerCase();
  if (Object.hasOwn(chains, lowerCase)) return chains[lowerCase];
  const family = claudeFamilyOf(name);
  return family !== undefined && Object.hasOwn(chains, family) ? chains[family] : undefined;
}

function chainMember(name: string, options: PlanModelChainOptions): ResolvedModel {
  try {
    return resolveModel(name, {
      aliases: options.aliases ?? {},
      ...(options.task ? { task: options.task } : {}),
    });
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'configuration_error') throw error;
    const reason = error instanceof GatewayError ? error.message : String(error);
    throw new GatewayError(
      503,
      'configuration_error',
      `MODEL_FALLBACKS names a model it cannot use: ${reason}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The fallback chain of one request (issue 14): the model the requested name resolves to
 * (`resolveModel`), then the models of its chain, each resolved the same way, without repeats.
 *
 * The chain is the operator's `MODEL_FALLBACKS` entry for the name as sent, else for the model an
 * alias resolves to, else, for a name that is not an exact `@cf/...` / `@hf/...` ID, the built-in
 * chain (`DEFAULT_FALLBACK_CHAINS`). On the Free plan, Paid-only models are left out unless the
 * client named one exactly; past the budget threshold an alias's cheapest model goes first.
 * Throws what `resolveModel` throws for the requested name, and a 503 `configuration_error` when
 * a chain names an unknown model or one of another task.
 */
export function planModelChain(requested: string, options: PlanModelChainOptions = {}): ModelChain {
  const primary = resolveModel(requested, {
    aliases: options.aliases ?? {},
    ...(options.task ? { task: options.task } : {}),
  });
  const exact = isWorkersAiId(requested);
  const operator = options.fallbacks ?? {};
  const names =
    ownChain(operator, requested) ??
    (primary.aliasOf === undefined ? undefined : ownChain(operator, primary.model)) ??
    (exact ? undefined : ownChain(DEFAULT_FALLBACK_CHAINS, requested)) ??
    [];
  const candidates: ResolvedModel[] = [primary];
  for (const name of names) {
    const member = chainMember(name, options);
    if (!candidates.some((candidate) => candidate.model === member.model)) candidates.push(member);
  }

  const isPaidOnly = options.isPaidOnly ?? ((resolved: ResolvedModel) => resolved.entry?.paidOnly === true);
  const chosen =
    options.freePlan === true
      ? candidates.filter((candidate, index) => (index === 0 && exact) || !isPaidOnly(candidate))
      : candidates;
  // Nothing left on the Free plan: the asked model, to let Workers AI say why it cannot answer.
  const usable = chosen.length > 0 ? chosen : [primary];

  const typical = options.task === undefined ? undefined : TYPICAL_USAGE[options.task];
  if (options.downgrade !== true || exact || usable.length < 2 || typical === undefined) {
    return { candidates: usable };
  }
  const cost = (candidate: ResolvedModel) => estimateNeurons(candidate.model, typical);
  const cheapest = usable.reduce((best, candidate) => (cost(candidate) < cost(best) ? candidate : best));
  const first = usable[0];
  if (cheapest === first || first === undefined) return { candidates: usable };
  return {
    candidates: [cheapest, ...usable.filter((candidate) => candidate !== cheapest)],
    downgradedFrom: first.model,
  };
}
