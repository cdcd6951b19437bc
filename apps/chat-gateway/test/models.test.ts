import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';
import { gatewayFetch, openAiClient, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator, {
  MODEL_ALIASES: JSON.stringify({ 'my-coder': '@cf/qwen/qwen2.5-coder-32b-instruct' }),
});
const client = openAiClient(environment);

describe('GET /v1/models', () => {
  it('lists catalog models and aliases, MODEL_ALIASES included, through the SDK', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gpt-4o-mini', 'whisper-1', 'tts-1', 'my-coder', '@cf/openai/gpt-oss-120b']),
    );
    expect(ids).not.toContain('@cf/meta/llama-3-8b-instruct');
  });

  it('retrieves an alias, a Workers AI ID with slashes and a removed model with its replacement', async () => {
    const alias = await client.models.retrieve('gpt-4o-mini');
    expect(alias).toMatchObject({
      id: 'gpt-4o-mini',
      object: 'model',
      alias_for: '@cf/meta/llama-3.1-8b-instruct-fast',
    });
    const custom = await client.models.retrieve('my-coder');
    expect(custom).toMatchObject({ alias_for: '@cf/qwen/qwen2.5-coder-32b-instruct' });
    const workersAi = await client.models.retrieve('@cf/openai/gpt-oss-120b');
    expect(workersAi).toMatchObject({
      id: '@cf/openai/gpt-oss-120b',
      owned_by: 'openai',
      context_window: 128000,
    });
    const removed = await gatewayFetch(environment)('/v1/models/@cf/meta/llama-3-8b-instruct');
    expect(await removed.json()).toMatchObject({
      status: 'removed',
      replacement: '@cf/meta/llama-3.1-8b-instruct-fast',
    });
  });

  it('answers an unknown model with a 404 in the OpenAI envelope', async () => {
    const error = await client.models.retrieve('gpt-99').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
  });
});

describe('MODEL_ALIASES', () => {
  it('routes chat requests for a custom alias to its Workers AI model', async () => {
    const completion = await client.chat.completions.create({
      model: 'my-coder',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.model).toBe('@cf/qwen/qwen2.5-coder-32b-instruct');
    expect(simulator.calls.at(-1)?.model).toBe('@cf/qwen/qwen2.5-coder-32b-instruct');
  });

  it('answers every request with a 503 naming the setting when MODEL_ALIASES is malformed', async () => {
    const broken = openAiClient(testEnv(simulator, { MODEL_ALIASES: '{not json' }));
    const error = await broken.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503 });
    expect(String((error as Error).message)).toContain('MODEL_ALIASES');
  });
});
