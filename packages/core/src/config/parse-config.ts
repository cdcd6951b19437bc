import { GatewayError } from '../errors/gateway-error';
import { parseModelAliases } from '../workers-ai/catalog/parse-model-aliases';
import { parseModelFallbacks } from '../workers-ai/catalog/parse-model-fallbacks';
import type { AiBinding, GatewayEnv } from './gateway-env';

/** How the gateway reaches Workers AI (SPEC §3 `UPSTREAM_MODE`). */
export type UpstreamMode = 'binding' | 'rest' | 'passthrough';

/** A gateway's configuration, validated once per request from `env`. */
export interface GatewayConfig {
  keys: string[];
  allowAnonymous: boolean;
  upstreamMode: UpstreamMode;
  binding: AiBinding | undefined;
  accountId: string | undefined;
  apiToken: string | undefined;
  apiBase: string;
  gatewayId: string | undefined;
  modelAliases: Record<string, string>;
  /** `MODEL_FALLBACKS`: the operator's chains, model or alias name to the models to try in turn. */
  modelFallbacks: Record<string, string[]>;
  dailyNeuronBudget: number;
  /** `BUDGET_DOWNGRADE_AT`: the share of the budget past which aliases take their cheapest model; undefined is off. */
  budgetDowngradeAt: number | undefined;
  /** `WORKERS_PLAN`; undefined until a 5035 answer shows the account is on the Free plan. */
  workersPlan: 'free' | 'paid' | undefined;
  corsOrigins: '*' | string[];
  publicImageBaseUrl: string | undefined;
}

/** Cloudflare's public API root; `pnpm dev` points `CF_API_BASE` at the simulator instead. */
export const DEFAULT_API_BASE = 'https://api.cloudflare.com/client/v4';

const cache = new WeakMap<object, GatewayConfig>();

function misconfigured(setting: string, problem: string): GatewayError {
  return new GatewayError(503, 'configuration_error', `The gateway is misconfigured: ${setting} ${problem}.`);
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseUpstreamMode(value: string | undefined): UpstreamMode {
  const mode = clean(value)?.toLowerCase() ?? 'binding';
  if (mode === 'binding' || mode === 'rest' || mode === 'passthrough') return mode;
  throw misconfigured('UPSTREAM_MODE', "must be 'binding', 'rest' or 'passthrough'");
}

function parseBudget(value: string | undefined): number {
  const text = clean(value);
  if (text === undefined) return 10_000;
  const budget = Number(text);
  if (!Number.isFinite(budget) || budget < 0) {
    throw misconfigured(
      'DAILY_NEURON_BUDGET',
      'must be a non-negative number of neurons (0 turns the guard off)',
    );
  }
  return budget;
}

function parseDowngradeAt(value: string | undefined): number | undefined {
  const text = clean(value);
  if (text === undefined) return undefined;
  const share = Number(text);
  if (!Number.isFinite(share) || share <= 0 || share > 1) {
    throw misconfigured(
      'BUDGET_DOWNGRADE_AT',
      'must be a share of DAILY_NEURON_BUDGET above 0 and at most 1 (e.g. 0.8), or unset',
    );
  }
  return share;
}

function parseWorkersPlan(value: string | undefined): 'free' | 'paid' | undefined {
  const plan = clean(value)?.toLowerCase();
  if (plan === undefined || plan === 'free' || plan === 'paid') return plan;
  throw misconfigured('WORKERS_PLAN', "must be 'free' or 'paid'");
}

function parseUrl(setting: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    return value.replace(/\/+$/, '');
  } catch {
    throw misconfigured(setting, 'must be an absolute http(s) URL');
  }
}

function parseOrigins(value: string | undefined): '*' | string[] {
  const text = clean(value);
  if (text === undefined || text === '*') return '*';
  return text
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Reads and validates the gateway's settings. Bad values throw a 503 `GatewayError` naming the
 * setting and never echoing a secret. Results are memoised per `env` object, which Workers reuse
 * across requests of one isolate, so this costs nothing after the first request.
 */
export function parseConfig(env: GatewayEnv): GatewayConfig {
  const cached = cache.get(env);
  if (cached) return cached;
  const upstreamMode = parseUpstreamMode(env.UPSTREAM_MODE);
  const accountId = clean(env.CF_ACCOUNT_ID);
  const apiToken = clean(env.CF_API_TOKEN);
  if (upstreamMode === 'rest' && accountId === undefined) {
    throw misconfigured('CF_ACCOUNT_ID', "is required when UPSTREAM_MODE is 'rest'");
  }
  if (upstreamMode === 'rest' && apiToken === undefined) {
    throw misconfigured('CF_API_TOKEN', "is required when UPSTREAM_MODE is 'rest'");
  }
  if (upstreamMode === 'passthrough' && accountId === undefined) {
    throw misconfigured('CF_ACCOUNT_ID', "is required when UPSTREAM_MODE is 'passthrough'");
  }
  const allowAnonymousText = clean(env.ALLOW_ANONYMOUS)?.toLowerCase();
  if (allowAnonymousText !== undefined && allowAnonymousText !== 'true' && allowAnonymousText !== 'false') {
    throw misconfigured('ALLOW_ANONYMOUS', "must be 'true' or 'false'");
  }
  const imageBase = clean(env.PUBLIC_IMAGE_BASE_URL);
  const config: GatewayConfig = {
    keys: (env.GATEWAY_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    allowAnonymous: allowAnonymousText === 'true',
    upstreamMode,
    binding: env.AI,
    accountId,
    apiToken,
    apiBase: parseUrl('CF_API_BASE', clean(env.CF_API_BASE) ?? DEFAULT_API_BASE),
    gatewayId: clean(env.AI_GATEWAY_ID),
    modelAliases: parseModelAliases(env.MODEL_ALIASES),
    modelFallbacks: parseModelFallbacks(env.MODEL_FALLBACKS),
    dailyNeuronBudget: parseBudget(env.DAILY_NEURON_BUDGET),
    budgetDowngradeAt: parseDowngradeAt(env.BUDGET_DOWNGRADE_AT),
    workersPlan: parseWorkersPlan(env.WORKERS_PLAN),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    publicImageBaseUrl: imageBase === undefined ? undefined : parseUrl('PUBLIC_IMAGE_BASE_URL', imageBase),
  };
  cache.set(env, config);
  return config;
}
