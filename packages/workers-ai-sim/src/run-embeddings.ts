import { countTokens } from './count-tokens';
import { hashText } from './hash-text';
import type { ModelFamily } from './model-catalog';
import { SimulatorError } from './simulator-error';
import type { ModelRequest, ModelRun } from './types';
import { validateInputs } from './validate-inputs';

/** Embeddings: deterministic unit vectors seeded by a hash of each text. */
export function runEmbeddings(
  request: ModelRequest,
  family: Extract<ModelFamily, { kind: 'embedding' }>,
): ModelRun {
  const { inputs } = request;
  validateInputs(inputs, {
    required: ['text'],
    properties: {
      text: { type: 'string-or-array', minItems: 1, maxItems: 100 },
      ...(family.pooling ? { pooling: { type: 'string', enum: ['mean', 'cls'] } } : {}),
    },
  });
  const texts = Array.isArray(inputs.text) ? inputs.text : [inputs.text];
  let tokens = 0;
  const data = texts.map((text: unknown, index) => {
    if (typeof text !== 'string') {
      throw new SimulatorError(5006, `Type mismatch of '/text/${index}', '${typeof text}' not in 'string'`);
    }
    const textTokens = countTokens(text);
    if (textTokens > family.contextWindow) {
      throw new SimulatorError(
        3030,
        `Max context reached ${textTokens} tokens but model supports only ${family.contextWindow}`,
      );
    }
    tokens += textTokens;
    return unitVector(text, family.dimensions);
  });
  return {
    output: {
      kind: 'json',
      result: {
        shape: [data.length, family.dimensions],
        data,
        pooling: typeof inputs.pooling === 'string' ? inputs.pooling : 'mean',
      },
    },
    neurons: (tokens * family.rate) / 1e6,
  };
}

function unitVector(text: string, dimensions: number): number[] {
  // xorshift32 seeded by the text: same text, same vector, across runs and isolates.
  let state = hashText(text) || 1;
  const values: number[] = [];
  for (let index = 0; index < dimensions; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values.push(((state >>> 0) / 0xffffffff) * 2 - 1);
  }
  const length = Math.hypot(...values) || 1;
  return values.map((value) => value / length);
}
