import { describe, expect, it } from 'vitest';
import { parseModelFallbacks } from './parse-model-fallbacks';
import { planModelChain } from './plan-model-chain';

const models = (chain: ReturnType<typeof planModelChain>) =>
  chain.candidates.map((candidate) => candidate.model);

describe('planModelChain', () => {
  it('gives the default aliases their built-in chains: strongest free models in turn, then the fast 8B', () => {
    expect(models(planModelChain('gpt-4o', { task: 'text-generation' }))).toEqual([
      '@cf/openai/gpt-oss-120b',
      '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
      '@cf/google/gemma-4-26b-a4b-it',
      '@cf/zai-org/glm-4.7-flash',
      '@cf/meta/llama-3.1-8b-instruct-fast',
    ]);
    expect(models(planModelChain('GPT-4o-mini'))[0]).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
  });

  it('gives an exact ID no chain unless the operator names it, by the ID or by an alias to it', () => {
    expect(models(planModelChain('@cf/openai/gpt-oss-120b'))).toEqual(['@cf/openai/gpt-oss-120b']);
    const fallbacks = { '@cf/openai/gpt-oss-120b': ['@cf/openai/gpt-oss-20b'] };
    expect(models(planModelChain('@cf/openai/gpt-oss-120b', { fallbacks }))).toEqual([
      '@cf/openai/gpt-oss-120b',
      '@cf/openai/gpt-oss-20b',
    ]);
    expect(models(planModelChain('big', { aliases: { big: '@cf/openai/gpt-oss-120b' }, fallbacks }))).toEqual(
      ['@cf/openai/gpt-oss-120b', '@cf/openai/gpt-oss-20b'],
    );
  });

  it('puts the operator chain over the built-in one, resolving aliases and removed models, without repeats', () => {
    const chain = planModelChain('gpt-4o', {
      aliases: { 'gpt-4o': '@cf/google/gemma-4-26b-a4b-it' },
      fallbacks: {
        'gpt-4o': ['gpt-4o-mini', '@cf/meta/llama-3-8b-instruct', '@cf/google/gemma-4-26b-a4b-it'],
      },
    });
    expect(models(chain)).toEqual(['@cf/google/gemma-4-26b-a4b-it', '@cf/meta/llama-3.1-8b-instruct-fast']);
  });

  it('leaves Paid-only models out on the Free plan, unless the client named one exactly', () => {
    const fallbacks = { smart: ['@cf/moonshotai/kimi-k2.6', '@cf/openai/gpt-oss-20b'] };
    const aliases = { smart: '@cf/moonshotai/kimi-k2.6' };
    expect(models(planModelChain('smart', { aliases, fallbacks, freePlan: true }))).toEqual([
      '@cf/openai/gpt-oss-20b',
    ]);
    expect(models(planModelChain('smart', { aliases, fallbacks }))).toEqual([
      '@cf/moonshotai/kimi-k2.6',
      '@cf/openai/gpt-oss-20b',
    ]);
    expect(models(planModelChain('@cf/moonshotai/kimi-k2.6', { freePlan: true }))).toEqual([
      '@cf/moonshotai/kimi-k2.6',
    ]);
  });

  it('puts the cheapest model of an alias chain first when downgrading', () => {
    const chain = planModelChain('gpt-4o', { task: 'text-generation', downgrade: true });
    expect(models(chain)[0]).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
    expect(chain.downgradedFrom).toBe('@cf/openai/gpt-oss-120b');
    expect(models(chain)).toHaveLength(5);
    const exact = planModelChain('@cf/openai/gpt-oss-120b', { task: 'text-generation', downgrade: true });
    expect(models(exact)).toEqual(['@cf/openai/gpt-oss-120b']);
  });

  it('rejects a chain naming an unknown model or one of another task, naming MODEL_FALLBACKS', () => {
    for (const member of ['no-such-model', '@cf/baai/bge-base-en-v1.5']) {
      expect(() =>
        planModelChain('gpt-4o', { task: 'text-generation', fallbacks: { 'gpt-4o': [member] } }),
      ).toThrow(/MODEL_FALLBACKS/);
    }
  });
});

describe('parseModelFallbacks', () => {
  it('reads lists and single names', () => {
    expect(parseModelFallbacks('{"a": ["@cf/x/y", " b "], "c": "d"}')).toEqual({
      a: ['@cf/x/y', 'b'],
      c: ['d'],
    });
    expect(parseModelFallbacks(' ')).toEqual({});
  });

  it.each(['{', '[]', '"x"', '{"a": []}', '{"a": [1]}', '{"a": [""]}'])(
    'refuses %s with a 503 naming the setting',
    (raw) => {
      expect(() => parseModelFallbacks(raw)).toThrow(/MODEL_FALLBACKS/);
    },
  );
});
