import type { GatewayConfig } from '../config/parse-config';
import { prefersHtml } from '../dashboard/prefers-html';
import type { GatewayHome } from './gateway-home';
import { type GatewayRequest, requestConfig } from './gateway-request';
import { listGatewayModels } from './list-gateway-models';

/**
 * `GET /`: what this gateway is and how to point a client at it, with its own URL filled in.
 * An HTML dashboard for browsers (`Accept: text/html`), JSON for everything else; public and
 * free of secrets (it never shows a key). Both answers say `Vary: Accept`, so caches keep them apart.
 */
export async function renderHome(request: GatewayRequest, home: GatewayHome): Promise<Response> {
  const config = requestConfig(request);
  const origin = new URL(request.url).origin;
  const models = await listGatewayModels(request, home.tasks);
  if (prefersHtml(request)) {
    return home.renderDashboard(
      { origin, upstreamMode: config.upstreamMode, models, anonymous: config.allowAnonymous },
      config,
    );
  }
  const described = home.describe({ origin, config, models: models.map((model) => model.id) });
  const response = Response.json(withResilience(described, config));
  response.headers.set('vary', 'Accept');
  return response;
}

/** The fallback and budget settings a client may want to know (never a secret), added to the JSON banner. */
function withResilience(described: unknown, config: GatewayConfig): unknown {
  if (typeof described !== 'object' || described === null || Array.isArray(described)) return described;
  return {
    ...described,
    ...(config.budgetDowngradeAt === undefined || config.dailyNeuronBudget <= 0
      ? {}
      : { budget_downgrade_at: config.budgetDowngradeAt * config.dailyNeuronBudget }),
    ...(Object.keys(config.modelFallbacks).length === 0 ? {} : { model_fallbacks: config.modelFallbacks }),
  };
}
