import type { CatalogModel } from './catalog-model';
import { MODEL_CATALOG } from './model-catalog';

const modelsById = new Map<string, CatalogModel>(MODEL_CATALOG.map((model) => [model.id, model]));

/**
 * The catalog entry for a Workers AI model ID, or undefined when the gateway does not know it.
 * IDs are matched exactly: Workers AI IDs are lower case and case-sensitive.
 */
export function findModel(id: string): CatalogModel | undefined {
  return modelsById.get(id);
}
