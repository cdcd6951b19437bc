import type { Task } from './catalog-model';
import { findModel } from './find-model';
import { MODEL_CATALOG } from './model-catalog';
import { OPENAI_MODEL_ALIASES } from './openai-model-aliases';
import type { LiveModel } from './parse-live-models';
import { resolveModel } from './resolve-model';
import { type ListedModel, toListedModel } from './to-listed-model';

/** Options of `listModels`. */
export interface ListModelsOptions {
  /** Only models (and aliases resolving to models) of these tasks. */
  task?: Task | Task[];
  /** Parsed `MODEL_ALIASES`, listed with the built-in OpenAI aliases. */
  aliases?: Record<string, string>;
  /**
   * Workers AI's live model search, when it answered: catalog models it no longer lists drop
   * out (requests naming them still resolve, and removed ones keep their remap), models it lists
   * that the catalog lacks are added, and its Paid-only marks and deprecation dates are shown.
   */
  live?: readonly LiveModel[];
}

/**
 * The `data` of `GET /v1/models`: every active and beta catalog model, then every alias name
 * (built-in OpenAI names and `MODEL_ALIASES`) with the metadata of the model it resolves to.
 * Removed models are never listed, even though requests naming them still work (remapped).
 * An alias whose target cannot be resolved is left out rather than failing the whole list.
 */
export function listModels(options: ListModelsOptions = {}): ListedModel[] {
  const tasks =
    options.task === undefined
      ? undefined
      : new Set(Array.isArray(options.task) ? options.task : [options.task]);
  const wanted = (task: Task | undefined): boolean =>
    tasks === undefined || (task !== undefined && tasks.has(task));

  const live =
    options.live === undefined ? undefined : new Map(options.live.map((model) => [model.id, model]));
  const listed: ListedModel[] = [];
  const seen = new Set<string>();
  for (const entry of MODEL_CATALOG) {
    if (entry.status === 'removed' || !wanted(entry.task)) continue;
    if (live !== undefined && !live.has(entry.id)) continue;
    listed.push(toListedModel(entry.id, { model: entry.id, entry, live: live?.get(entry.id) }));
    seen.add(entry.id);
  }
  for (const model of live?.values() ?? []) {
    if (seen.has(model.id) || findModel(model.id) !== undefined || !wanted(model.task)) continue;
    listed.push(toListedModel(model.id, { model: model.id, entry: undefined, live: model }));
    seen.add(model.id);
  }

  const aliases = { ...OPENAI_MODEL_ALIASES, ...options.aliases };
  for (const name of Object.keys(aliases)) {
    // A user alias keyed by a catalogued ID only changes where that ID goes; it is not a new name.
    if (seen.has(name) || findModel(name) !== undefined) continue;
    let resolved: ReturnType<typeof resolveModel>;
    try {
      resolved = resolveModel(name, { aliases: options.aliases ?? {} });
    } catch {
      continue;
    }
    if (!wanted(resolved.entry?.task)) continue;
    listed.push(toListedModel(name, { ...resolved, live: live?.get(resolved.model) }));
    seen.add(name);
  }
  return listed;
}
