import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error';
import { DEFAULT_API_BASE, parseConfig } from './parse-config';

function configError(env: Record<string, string>): GatewayError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('parseConfig', () => {
  it('has secure, documented defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      keys: [],
      allowAnonymous: false,
      upstreamMode: 'binding',
      apiBase: DEFAULT_API_BASE,
      dailyNeuronBudget: 10000,
      corsOrigins: '*',
      modelAliases: {},
      modelFallbacks: {},
      budgetDowngradeAt: undefined,
      workersPlan: undefined,
    });
  });

  it('parses every setting', () => {
    const config = parseConfig({
      GATEWAY_KEYS: ' a , b ,,',
      ALLOW_ANONYMOUS: 'TRUE',
      UPSTREAM_MODE: 'rest',
      CF_ACCOUNT_ID: 'acct',
      CF_API_TOKEN: 'tok',
      CF_API_BASE: 'http://127.0.0.1:8790/client/v4/',
      AI_GATEWAY_ID: 'gw',
      MODEL_ALIASES: '{"fast":"@cf/meta/llama-3.2-1b-instruct"}',
      DAILY_NEURON_BUDGET: '0',
      CORS_ORIGINS: 'https://a.example,https://b.example',
      PUBLIC_IMAGE_BASE_URL: 'https://img.example/',
      MODEL_FALLBACKS: '{"fast":["@cf/meta/llama-3.2-3b-instruct"]}',
      BUDGET_DOWNGRADE_AT: '0.8',
      WORKERS_PLAN: 'Free',
    });
    expect(config).toMatchObject({
      modelFallbacks: { fast: ['@cf/meta/llama-3.2-3b-instruct'] },
      budgetDowngradeAt: 0.8,
      workersPlan: 'free',
      keys: ['a', 'b'],
      allowAnonymous: true,
      upstreamMode: 'rest',
      apiBase: 'http://127.0.0.1:8790/client/v4',
      gatewayId: 'gw',
      modelAliases: { fast: '@cf/meta/llama-3.2-1b-instruct' },
      dailyNeuronBudget: 0,
      corsOrigins: ['https://a.example', 'https://b.example'],
      publicImageBaseUrl: 'https://img.example',
    });
  });

  it.each([
    [{ UPSTREAM_MODE: 'magic' }, 'UPSTREAM_MODE'],
    [{ UPSTREAM_MODE: 'rest', CF_API_TOKEN: 'secret-token-value' }, 'CF_ACCOUNT_ID'],
    [{ UPSTREAM_MODE: 'rest', CF_ACCOUNT_ID: 'acct' }, 'CF_API_TOKEN'],
    [{ UPSTREAM_MODE: 'passthrough' }, 'CF_ACCOUNT_ID'],
    [{ DAILY_NEURON_BUDGET: 'lots' }, 'DAILY_NEURON_BUDGET'],
    [{ DAILY_NEURON_BUDGET: '-5' }, 'DAILY_NEURON_BUDGET'],
    [{ CF_API_BASE: 'not a url' }, 'CF_API_BASE'],
    [{ ALLOW_ANONYMOUS: 'yes please' }, 'ALLOW_ANONYMOUS'],
    [{ MODEL_ALIASES: '{"a":' }, 'MODEL_ALIASES'],
    [{ MODEL_ALIASES: '["a"]' }, 'MODEL_ALIASES'],
    [{ PUBLIC_IMAGE_BASE_URL: 'ftp://x' }, 'PUBLIC_IMAGE_BASE_URL'],
    [{ MODEL_FALLBACKS: '{"a":' }, 'MODEL_FALLBACKS'],
    [{ BUDGET_DOWNGRADE_AT: '80%' }, 'BUDGET_DOWNGRADE_AT'],
    [{ BUDGET_DOWNGRADE_AT: '1.5' }, 'BUDGET_DOWNGRADE_AT'],
    [{ WORKERS_PLAN: 'enterprise' }, 'WORKERS_PLAN'],
  ])('answers bad configuration %j with a 503 naming %s', (env, setting) => {
    const error = configError(env);
    expect(error.status).toBe(503);
    expect(error.code).toBe('configuration_error');
    expect(error.message).toContain(setting);
    expect(error.message).not.toContain('secret-token-value');
  });
});
