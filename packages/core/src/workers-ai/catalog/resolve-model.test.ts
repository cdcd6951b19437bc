import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error';
import { DEFAULT_MODELS } from './default-models';
import { OPENAI_MODEL_ALIASES } from './openai-model-aliases';
import { resolveModel } from './resolve-model';

function errorOf(action: () => unknown): GatewayError {
  try {
    action();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('resolveModel', () => {
  it.each([
    ['gpt-4o-mini', '@cf/meta/llama-3.1-8b-instruct-fast'],
    ['gpt-3.5-turbo', '@cf/meta/llama-3.1-8b-instruct-fast'],
    ['gpt-4.1-mini', '@cf/meta/llama-3.1-8b-instruct-fast'],
    ['gpt-4o', '@cf/openai/gpt-oss-120b'],
    ['gpt-4', '@cf/openai/gpt-oss-120b'],
    ['gpt-4.1', '@cf/openai/gpt-oss-120b'],
    ['text-embedding-3-small', '@cf/baai/bge-base-en-v1.5'],
    ['text-embedding-ada-002', '@cf/baai/bge-base-en-v1.5'],
    ['text-embedding-3-large', '@cf/baai/bge-m3'],
    ['whisper-1', '@cf/openai/whisper-large-v3-turbo'],
    ['tts-1', '@cf/myshell-ai/melotts'],
    ['tts-1-hd', '@cf/deepgram/aura-2-en'],
    ['dall-e-2', '@cf/bytedance/stable-diffusion-xl-lightning'],
    ['dall-e-3', '@cf/black-forest-labs/flux-1-schnell'],
  ])('maps the OpenAI name %s to %s', (name, model) => {
    const resolved = resolveModel(name);
    expect(resolved.model).toBe(model);
    expect(resolved.aliasOf).toBe(name);
    expect(resolved.entry?.id).toBe(model);
    expect(resolved.replacedFrom).toBeUndefined();
  });

  it('has an alias test for every built-in alias', () => {
    expect(Object.keys(OPENAI_MODEL_ALIASES)).toHaveLength(14);
  });

  it('accepts OpenAI names in any case', () => {
    expect(resolveModel('GPT-4o').model).toBe('@cf/openai/gpt-oss-120b');
  });

  it('returns a catalogued model as is', () => {
    const resolved = resolveModel('@cf/zai-org/glm-4.7-flash');
    expect(resolved).toEqual({ model: '@cf/zai-org/glm-4.7-flash', entry: resolved.entry });
    expect(resolved.entry?.family).toBe('openai-chat');
  });

  it("remaps the guide's @cf/meta/llama-3-8b-instruct to the default chat model", () => {
    const resolved = resolveModel('@cf/meta/llama-3-8b-instruct', { task: 'text-generation' });
    expect(resolved.model).toBe(DEFAULT_MODELS.chat);
    expect(resolved.replacedFrom).toBe('@cf/meta/llama-3-8b-instruct');
    expect(resolved.entry?.status).toBe('active');
  });

  it.each([
    ['@hf/thebloke/zephyr-7b-beta-awq', DEFAULT_MODELS.chat],
    ['@hf/thebloke/deepseek-coder-6.7b-instruct-awq', '@cf/qwen/qwen2.5-coder-32b-instruct'],
    ['@hf/thebloke/llamaguard-7b-awq', '@cf/meta/llama-guard-3-8b'],
    ['@cf/deepseek-ai/deepseek-math-7b-instruct', '@cf/deepseek-ai/deepseek-r1-distill-qwen-32b'],
    ['@cf/moonshotai/kimi-k2.5', '@cf/moonshotai/kimi-k2.6'],
    ['@cf/meta/llama-3.1-70b-instruct', '@cf/meta/llama-3.3-70b-instruct-fp8-fast'],
    ['@cf/openai/whisper-sherpa', '@cf/openai/whisper-large-v3-turbo'],
  ])('remaps the removed %s to %s', (removed, replacement) => {
    const resolved = resolveModel(removed);
    expect(resolved.model).toBe(replacement);
    expect(resolved.replacedFrom).toBe(removed);
  });

  it('passes an uncatalogued @cf or @hf ID through', () => {
    expect(resolveModel('@cf/x/y')).toEqual({ model: '@cf/x/y', entry: undefined });
    expect(resolveModel('@hf/someone/new-model', { task: 'text-generation' }).model).toBe(
      '@hf/someone/new-model',
    );
  });

  it('answers 404 model_not_found for an unknown plain name', () => {
    const error = errorOf(() => resolveModel('gpt-9-ultra'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('model_not_found');
    expect(error.param).toBe('model');
    expect(error.message).toContain("The model 'gpt-9-ultra' does not exist");
  });

  it('answers 400 naming the expected task when the model does another task', () => {
    const error = errorOf(() => resolveModel('dall-e-3', { task: 'text-generation' }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request_error');
    expect(error.param).toBe('model');
    expect(error.message).toContain('text-to-image');
    expect(error.message).toContain('needs a text-generation model');
  });

  it('lets MODEL_ALIASES override a built-in alias', () => {
    const resolved = resolveModel('gpt-4o', { aliases: { 'gpt-4o': '@cf/google/gemma-4-26b-a4b-it' } });
    expect(resolved.model).toBe('@cf/google/gemma-4-26b-a4b-it');
    expect(resolved.aliasOf).toBe('gpt-4o');
  });

  it('follows alias chains into built-in aliases and removed models', () => {
    const aliases = { fast: 'cheap', cheap: 'gpt-4o-mini', old: '@cf/meta/llama-2-7b-chat-int8' };
    expect(resolveModel('fast', { aliases })).toMatchObject({ model: DEFAULT_MODELS.chat, aliasOf: 'fast' });
    expect(resolveModel('old', { aliases })).toMatchObject({
      model: DEFAULT_MODELS.chat,
      aliasOf: 'old',
      replacedFrom: '@cf/meta/llama-2-7b-chat-int8',
    });
  });

  it('lets MODEL_ALIASES pick another replacement for a removed model', () => {
    const aliases = { '@cf/meta/llama-3-8b-instruct': '@cf/zai-org/glm-4.7-flash' };
    const resolved = resolveModel('@cf/meta/llama-3-8b-instruct', { aliases });
    expect(resolved.model).toBe('@cf/zai-org/glm-4.7-flash');
    expect(resolved.replacedFrom).toBeUndefined();
  });

  it('reports an alias loop as a configuration error instead of hanging', () => {
    const error = errorOf(() => resolveModel('a', { aliases: { a: 'b', b: 'a' } }));
    expect(error.status).toBe(503);
    expect(error.code).toBe('configuration_error');
    expect(error.message).toContain('MODEL_ALIASES');
  });
});
