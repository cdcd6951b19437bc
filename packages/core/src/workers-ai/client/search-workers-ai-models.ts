import { DEFAULT_API_BASE } from '../../config/parse-config';

/** How to reach Workers AI's model search: the binding, or the REST API with the gateway's token. */
export interface ModelSearchOptions {
  mode: 'binding' | 'rest';
  /** `env.AI`; its `models()` is the binding's model search. */
  binding?: unknown;
  accountId?: string;
  apiToken?: string;
  apiBase?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

// Cloudflare's search pages its answer; a hundred a page, and a bound in case it never ends.
const PER_PAGE = 100;
const MAXIMUM_PAGES = 10;

/**
 * Every model of Workers AI's live model search, raw: `GET {apiBase}/accounts/{id}/ai/models/search`
 * page by page (https://developers.cloudflare.com/api/resources/ai/subresources/models/methods/list/),
 * or the binding's `env.AI.models()` (workerd's `AiModelsSearchObject[]`). Throws on any failure
 * (no binding method, an HTTP error, `success: false`, a body that is not a list): the caller
 * then keeps the built-in catalog.
 */
export async function searchWorkersAiModels(options: ModelSearchOptions): Promise<unknown[]> {
  const found: unknown[] = [];
  for (let page = 1; page <= MAXIMUM_PAGES; page++) {
    const { models, total } = await searchPage(options, page);
    found.push(...models);
    if (models.length < PER_PAGE || (total !== undefined && found.length >= total)) break;
  }
  return found;
}

async function searchPage(
  options: ModelSearchOptions,
  page: number,
): Promise<{ models: unknown[]; total: number | undefined }> {
  if (options.mode === 'binding') {
    const binding = options.binding as
      | { models?: (params: Record<string, unknown>) => Promise<unknown> }
      | undefined;
    if (typeof binding?.models !== 'function') throw new Error('the AI binding has no models() search');
    const models = await binding.models({ page, per_page: PER_PAGE });
    if (!Array.isArray(models)) throw new Error('the AI binding answered the model search with no list');
    return { models, total: undefined };
  }
  if (!options.accountId || !options.apiToken)
    throw new Error('the model search needs CF_ACCOUNT_ID and CF_API_TOKEN');
  const base = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  const url = `${base}/accounts/${encodeURIComponent(options.accountId)}/ai/models/search?page=${page}&per_page=${PER_PAGE}`;
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    headers: { authorization: `Bearer ${options.apiToken}` },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (!response.ok) throw new Error(`the model search answered HTTP ${response.status}`);
  const body = (await response.json()) as Record<string, unknown>;
  if (body.success === false || !Array.isArray(body.result))
    throw new Error('the model search answered no list');
  const info = body.result_info as Record<string, unknown> | undefined;
  const total = typeof info?.total_count === 'number' ? info.total_count : undefined;
  return { models: body.result, total };
}
