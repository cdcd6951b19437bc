import type { CatalogModel, ModelStatus, Task } from './catalog-model';
import type { LiveModel } from './parse-live-models';

/** One entry of `GET /v1/models`: OpenAI's model object plus the catalog's metadata. */
export interface ListedModel {
  id: string;
  object: 'model';
  /** Unix seconds; the catalog has no per-model dates, so all share the catalog's review date. */
  created: number;
  /** The vendor segment of the Workers AI ID (`meta`, `openai`, ...), or `cloudflare`. */
  owned_by: string;
  task?: Task;
  status?: ModelStatus;
  /** For an alias: the Workers AI model it resolves to. */
  alias_for?: string;
  description?: string;
  context_window?: number;
  default_max_tokens?: number;
  max_output_tokens?: number;
  capabilities?: { tools: boolean; json_mode: boolean; vision: boolean; reasoning: boolean };
  embedding_dimensions?: number;
  voices?: readonly string[];
  paid_only?: boolean;
  deprecated_on?: string;
  /** From Workers AI's live model search: the date Cloudflare plans to remove the model. */
  planned_deprecation_date?: string;
  removed_on?: string;
  replacement?: string;
}

// 2026-08-28, the date of the pricing page the catalog was last checked against.
const CATALOG_CREATED = Math.floor(Date.UTC(2026, 7, 28) / 1000);

function ownerOf(id: string): string {
  const vendor = /^@(?:cf|hf)\/([^/]+)\//.exec(id)?.[1];
  return vendor ?? 'cloudflare';
}

/**
 * Renders a model as an OpenAI model object under the name `listedAs`. When `listedAs` differs
 * from `target.model` the item is an alias (`alias_for`) described by its target's metadata; a
 * target outside the catalog (`entry` undefined) yields only the OpenAI fields and `alias_for`,
 * unless the live model search describes it (`live`), whose facts also add Paid-only marks and
 * planned deprecation dates to catalogued models.
 */
export function toListedModel(
  listedAs: string,
  target: { model: string; entry: CatalogModel | undefined; live?: LiveModel | undefined },
): ListedModel {
  const isAlias = listedAs !== target.model;
  const base: ListedModel = {
    id: listedAs,
    object: 'model',
    created: CATALOG_CREATED,
    owned_by: isAlias ? 'cloudflare' : ownerOf(target.model),
    ...(isAlias ? { alias_for: target.model } : {}),
  };
  const { entry, live } = target;
  const liveFacts = {
    ...(live?.paidOnly === true ? { paid_only: true } : {}),
    ...(live?.plannedDeprecationDate === undefined
      ? {}
      : { planned_deprecation_date: live.plannedDeprecationDate }),
  };
  if (entry === undefined) {
    if (live === undefined) return base;
    return {
      ...base,
      ...(live.task === undefined ? {} : { task: live.task }),
      status: live.beta ? 'beta' : 'active',
      description: live.description,
      ...(live.contextWindow === undefined ? {} : { context_window: live.contextWindow }),
      ...(live.task === 'text-generation'
        ? {
            capabilities: {
              tools: live.tools,
              // The search does not say; the request is passed to the model, which answers for itself.
              json_mode: false,
              vision: live.vision,
              reasoning: live.reasoning,
            },
          }
        : {}),
      ...liveFacts,
    };
  }
  return {
    ...base,
    task: entry.task,
    status: entry.status,
    description: entry.description,
    ...(entry.contextWindow === undefined ? {} : { context_window: entry.contextWindow }),
    ...(entry.defaultMaxTokens === undefined ? {} : { default_max_tokens: entry.defaultMaxTokens }),
    ...(entry.maxOutputTokens === undefined ? {} : { max_output_tokens: entry.maxOutputTokens }),
    ...(entry.capabilities === undefined
      ? {}
      : {
          capabilities: {
            tools: entry.capabilities.tools,
            json_mode: entry.capabilities.jsonMode,
            vision: entry.capabilities.vision,
            reasoning: entry.capabilities.reasoning,
          },
        }),
    ...(entry.embeddingDimensions === undefined ? {} : { embedding_dimensions: entry.embeddingDimensions }),
    ...(entry.voices === undefined ? {} : { voices: entry.voices }),
    ...(entry.paidOnly === true ? { paid_only: true } : {}),
    ...(entry.deprecatedOn === undefined ? {} : { deprecated_on: entry.deprecatedOn }),
    ...(entry.removedOn === undefined ? {} : { removed_on: entry.removedOn }),
    ...(entry.replacement === undefined ? {} : { replacement: entry.replacement }),
    ...liveFacts,
  };
}
