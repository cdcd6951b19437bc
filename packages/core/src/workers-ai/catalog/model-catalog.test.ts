import { describe, expect, it } from 'vitest';
import { findModel } from './find-model';
import { MODEL_CATALOG } from './model-catalog';

describe('MODEL_CATALOG', () => {
  it('has each ID once', () => {
    const ids = MODEL_CATALOG.map((model) => model.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('remaps every removed model to a catalogued model that is not removed', () => {
    for (const model of MODEL_CATALOG.filter((entry) => entry.status === 'removed')) {
      const replacement = model.replacement === undefined ? undefined : findModel(model.replacement);
      expect(replacement, model.id).toBeDefined();
      expect(replacement?.status, model.id).not.toBe('removed');
    }
  });

  it('replaces removed models with one of the same task where that task still exists', () => {
    const servedTasks = new Set(
      MODEL_CATALOG.filter((model) => model.status !== 'removed').map((model) => model.task),
    );
    for (const model of MODEL_CATALOG.filter(
      (entry) => entry.status === 'removed' && servedTasks.has(entry.task),
    )) {
      expect(findModel(model.replacement ?? '')?.task, model.id).toBe(model.task);
    }
  });

  it('gives every served model a family and every chat model a context window', () => {
    for (const model of MODEL_CATALOG.filter((entry) => entry.status !== 'removed')) {
      expect(model.family, model.id).toBeDefined();
      if (model.task === 'text-generation') expect(model.contextWindow, model.id).toBeGreaterThan(0);
    }
  });
});

describe('findModel', () => {
  it('finds a catalogued model with its metadata', () => {
    const model = findModel('@cf/meta/llama-3.3-70b-instruct-fp8-fast');
    expect(model?.task).toBe('text-generation');
    expect(model?.contextWindow).toBe(24000);
    expect(model?.capabilities?.tools).toBe(true);
  });

  it('knows embeddings dimensions and image limits', () => {
    expect(findModel('@cf/baai/bge-base-en-v1.5')?.embeddingDimensions).toBe(768);
    expect(findModel('@cf/black-forest-labs/flux-1-schnell')?.image?.maxSteps).toBe(8);
    expect(findModel('@cf/deepgram/aura-2-en')?.voices).toHaveLength(40);
  });

  it('marks kimi-k2.6 as paid-only', () => {
    expect(findModel('@cf/moonshotai/kimi-k2.6')?.paidOnly).toBe(true);
  });

  it('returns undefined for an unknown ID', () => {
    expect(findModel('@cf/nobody/nothing')).toBeUndefined();
    expect(findModel('gpt-4o')).toBeUndefined();
  });
});
