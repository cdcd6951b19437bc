import { type ModelEntry, modelCatalog } from './model-catalog';
import { findRemovalDate } from './removed-models';
import { SimulatorError } from './simulator-error';

/** The catalog entry of a model; removed models answer 410/5028, unknown ones 400/5007. */
export function findModel(model: string): ModelEntry {
  const removedOn = findRemovalDate(model);
  if (removedOn) {
    throw new SimulatorError(
      5028,
      `${model} was deprecated on ${removedOn}. See the model catalog for alternatives`,
    );
  }
  const entry = modelCatalog.get(model);
  if (!entry) throw new SimulatorError(5007, `No such model ${model} or task`);
  return entry;
}
