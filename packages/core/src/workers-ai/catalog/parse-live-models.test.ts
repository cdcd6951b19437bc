import { describe, expect, it } from 'vitest';
import { listModels } from './list-models';
import { parseLiveModels } from './parse-live-models';

const search = [
  {
    name: '@cf/example/new-chat',
    description: 'New.',
    task: { name: 'Text Generation' },
    properties: [
      { property_id: 'context_window', value: '131072' },
      { property_id: 'function_calling', value: 'true' },
      { property_id: 'require_workers_paid', value: 'true' },
      { property_id: 'planned_deprecation_date', value: '2032-03-01' },
    ],
  },
  { name: '@cf/openai/gpt-oss-120b', task: { name: 'Text Generation' }, properties: [] },
  { name: 'not-a-model-id', task: { name: 'Text Generation' } },
  'garbage',
];

describe('parseLiveModels', () => {
  it('reads names, tasks and properties tolerantly, skipping what is not a Workers AI model', () => {
    const models = parseLiveModels(search);
    expect(models.map((model) => model.id)).toEqual(['@cf/example/new-chat', '@cf/openai/gpt-oss-120b']);
    expect(models[0]).toMatchObject({
      task: 'text-generation',
      contextWindow: 131072,
      tools: true,
      paidOnly: true,
      plannedDeprecationDate: '2032-03-01',
    });
    expect(parseLiveModels({ not: 'a list' })).toEqual([]);
  });
});

describe('listModels with the live list', () => {
  it('adds new models, drops catalog models the search no longer lists, keeps aliases', () => {
    const listed = listModels({ task: 'text-generation', live: parseLiveModels(search) });
    const ids = listed.map((model) => model.id);
    expect(ids).toContain('@cf/example/new-chat');
    expect(ids).toContain('@cf/openai/gpt-oss-120b');
    expect(ids).not.toContain('@cf/meta/llama-3.3-70b-instruct-fp8-fast');
    expect(ids).toContain('gpt-4o');
    expect(listed.find((model) => model.id === '@cf/example/new-chat')).toMatchObject({
      paid_only: true,
      planned_deprecation_date: '2032-03-01',
      context_window: 131072,
      capabilities: { tools: true },
    });
  });
});
