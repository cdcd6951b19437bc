import { findModel } from './find-model';
import { resolveModel } from './resolve-model';
import { type ListedModel, toListedModel } from './to-listed-model';

/**
 * The body of `GET /v1/models/{id}`: the OpenAI model object with catalog metadata for a
 * catalogued model (removed ones included, with their `replacement`) or an alias name; undefined
 * when the name is neither, so the route can answer 404.
 */
export function describeModel(id: string, aliases: Record<string, string> = {}): ListedModel | undefined {
  const entry = findModel(id);
  if (entry !== undefined && !Object.hasOwn(aliases, id)) return toListedModel(id, { model: id, entry });
  let resolved: ReturnType<typeof resolveModel>;
  try {
    resolved = resolveModel(id, { aliases });
  } catch {
    return undefined;
  }
  if (resolved.aliasOf === undefined) return undefined;
  return toListedModel(id, resolved);
}
