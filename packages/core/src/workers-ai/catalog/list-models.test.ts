import { describe, expect, it } from 'vitest';
import { describeModel } from './describe-model';
import { listModels } from './list-models';
import { MODEL_CATALOG } from './model-catalog';

describe('listModels', () => {
  it('lists no removed model, not even through a user alias keyed by its ID', () => {
    const removedIds = new Set(
      MODEL_CATALOG.filter((model) => model.status === 'removed').map((model) => model.id),
    );
    const listed = listModels({ aliases: { '@cf/meta/llama-3-8b-instruct': '@cf/zai-org/glm-4.7-flash' } });
    expect(removedIds.size).toBeGreaterThan(30);
    expect(listed.filter((model) => removedIds.has(model.id))).toEqual([]);
    expect(listed.every((model) => model.status !== 'removed')).toBe(true);
  });

  it("uses OpenAI's list-item shape with catalog metadata", () => {
    const model = listModels().find((item) => item.id === '@cf/openai/gpt-oss-120b');
    expect(model).toMatchObject({
      object: 'model',
      owned_by: 'openai',
      task: 'text-generation',
      context_window: 128000,
      capabilities: { tools: true, json_mode: true, vision: false, reasoning: true },
    });
    expect(Number.isInteger(model?.created)).toBe(true);
  });

  it('lists alias names with their target', () => {
    const alias = listModels().find((item) => item.id === 'gpt-4o-mini');
    expect(alias).toMatchObject({ owned_by: 'cloudflare', alias_for: '@cf/meta/llama-3.1-8b-instruct-fast' });
  });

  it('filters by task, aliases included', () => {
    const listed = listModels({ task: 'text-embeddings' });
    expect(listed.map((model) => model.id)).toContain('text-embedding-3-small');
    expect(listed.every((model) => model.task === 'text-embeddings')).toBe(true);
    const speech = listModels({ task: ['automatic-speech-recognition', 'text-to-speech'] });
    expect(speech.map((model) => model.id)).toEqual(
      expect.arrayContaining(['whisper-1', 'tts-1', '@cf/deepgram/nova-3']),
    );
  });

  it('lists user aliases and skips ones that cannot resolve', () => {
    const ids = listModels({ aliases: { mine: '@cf/new/model', broken: 'nothing-here' } }).map(
      (model) => model.id,
    );
    expect(ids).toContain('mine');
    expect(ids).not.toContain('broken');
  });
});

describe('describeModel', () => {
  it('describes a catalogued model, an alias, and a removed model', () => {
    expect(describeModel('@cf/baai/bge-m3')).toMatchObject({
      id: '@cf/baai/bge-m3',
      embedding_dimensions: 1024,
    });
    expect(describeModel('whisper-1')).toMatchObject({
      id: 'whisper-1',
      alias_for: '@cf/openai/whisper-large-v3-turbo',
    });
    expect(describeModel('@cf/microsoft/phi-2')).toMatchObject({
      status: 'removed',
      replacement: expect.any(String),
    });
  });

  it('returns undefined for names it does not know', () => {
    expect(describeModel('gpt-9-ultra')).toBeUndefined();
    expect(describeModel('@cf/x/y')).toBeUndefined();
  });
});
