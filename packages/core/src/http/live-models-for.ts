import type { GatewayConfig } from '../config/parse-config';
import { type LiveModel, parseLiveModels } from '../workers-ai/catalog/parse-live-models';
import { searchWorkersAiModels } from '../workers-ai/client/search-workers-ai-models';
import { type GatewayRequest, requestConfig } from './gateway-request';

/** How long a model search answer is used: Cloudflare adds and retires models over days, not minutes. */
export const LIVE_MODELS_TTL_MS = 60 * 60 * 1000;
// After a failed search, the built-in catalog answers for this long before the search is tried again.
const FAILURE_TTL_MS = 60 * 1000;

interface SearchAnswer {
  fetchedAt: number;
  models: LiveModel[] | undefined;
}

const answers = new WeakMap<GatewayConfig, SearchAnswer>();

function cacheKey(config: GatewayConfig): Request {
  const owner =
    config.upstreamMode === 'rest' ? `account/${encodeURIComponent(config.accountId ?? '')}` : 'binding';
  return new Request(`https://workers-ai-model-search.internal/${owner}`);
}

function fresh(answer: SearchAnswer | undefined, now: number): answer is SearchAnswer {
  if (answer === undefined) return false;
  const ttl = answer.models === undefined ? FAILURE_TTL_MS : LIVE_MODELS_TTL_MS;
  return now - answer.fetchedAt < ttl;
}

/**
 * Workers AI's live model list (issue 14), in `rest` and `binding` modes: the model search
 * (`searchWorkersAiModels`) read at most once an hour per account, kept in the Cache API (shared
 * by the isolates of a colo) and in this isolate. Undefined in `passthrough` mode (no token of the
 * gateway's own) and when the search fails or lists nothing: callers then use the built-in catalog
 * alone, and the search is tried again a minute later.
 */
export async function liveModelsFor(request: GatewayRequest): Promise<LiveModel[] | undefined> {
  const config = requestConfig(request);
  if (config.upstreamMode === 'passthrough') return undefined;
  const now = Date.now();
  const known = answers.get(config);
  if (fresh(known, now)) return known.models;
  const cache = typeof caches === 'undefined' ? undefined : caches.default;
  const key = cacheKey(config);
  const cached = (await cache?.match(key).then((response) => response?.json())) as SearchAnswer | undefined;
  if (cached !== undefined && Array.isArray(cached.models) && fresh(cached, now)) {
    answers.set(config, cached);
    return cached.models;
  }
  let models: LiveModel[] | undefined;
  try {
    const raw = await searchWorkersAiModels({
      mode: config.upstreamMode,
      binding: config.binding,
      accountId: config.accountId,
      apiToken: config.apiToken,
      apiBase: config.apiBase,
      signal: request.signal,
    });
    const parsed = parseLiveModels(raw);
    models = parsed.length > 0 ? parsed : undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ id: request.gateway.id, modelSearch: detail.slice(0, 200) }));
  }
  const answer: SearchAnswer = { fetchedAt: now, models };
  answers.set(config, answer);
  if (models !== undefined) {
    const body = JSON.stringify(answer);
    const maxAge = Math.round(LIVE_MODELS_TTL_MS / 1000);
    await cache
      ?.put(
        key,
        new Response(body, {
          headers: { 'cache-control': `max-age=${maxAge}`, 'content-type': 'application/json' },
        }),
      )
      .catch(() => undefined);
  }
  return models;
}
