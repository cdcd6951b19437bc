import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';

type Embeddings = { shape: number[]; data: number[][]; pooling: string };

describe('embeddings', () => {
  it.each([
    ['@cf/baai/bge-small-en-v1.5', 384],
    ['@cf/baai/bge-base-en-v1.5', 768],
    ['@cf/baai/bge-large-en-v1.5', 1024],
    ['@cf/baai/bge-m3', 1024],
    ['@cf/qwen/qwen3-embedding-0.6b', 1024],
    ['@cf/google/embeddinggemma-300m', 768],
  ])('%s answers deterministic unit vectors of %i dimensions', async (model, dimensions) => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run(model, { text: ['one', 'two'] })) as Embeddings;
    expect(result.shape).toEqual([2, dimensions]);
    expect(result.pooling).toBe('mean');
    const [first, second] = result.data;
    expect(Math.hypot(...(first ?? []))).toBeCloseTo(1, 6);
    expect(first).not.toEqual(second);
    const again = (await simulator.binding.run(model, { text: 'one' })) as Embeddings;
    expect(again.data[0]).toEqual(first);
  });

  it('rejects more than 100 texts and unknown fields', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.binding.run('@cf/baai/bge-m3', { text: Array.from({ length: 101 }, () => 'x') }),
    ).rejects.toThrow(/^5006: /);
    await expect(simulator.binding.run('@cf/baai/bge-m3', { text: 'x', pooling: 'cls' })).rejects.toThrow(
      "5006: Additional or unevaluated properties '/pooling' at '/' not allowed",
    );
  });
});
