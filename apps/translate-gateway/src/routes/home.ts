import { type GatewayRequest, listModels, prefersHtml, requestConfig } from '@workers-ai-gateways/core';
import { renderTranslateDashboard } from '../dashboard/render-translate-dashboard';

/**
 * `GET /`: what this gateway is and how to point a client at it, with its own URL filled in.
 * An HTML dashboard for browsers (`Accept: text/html`), JSON for everything else.
 * Public and free of secrets: it never shows a key. DeepLX answers `GET /` with a JSON banner too.
 */
export function home(request: GatewayRequest): Response | Promise<Response> {
  const config = requestConfig(request);
  const origin = new URL(request.url).origin;
  // Browsers get the dashboard; curl, SDKs and DeepLX clients keep the JSON below.
  if (prefersHtml(request)) {
    return renderTranslateDashboard({
      origin,
      upstreamMode: config.upstreamMode,
      models: listModels({ task: 'translation', aliases: config.modelAliases }),
      anonymous: config.allowAnonymous,
    });
  }
  const response = Response.json({
    code: 200,
    name: 'translate-gateway',
    message: 'DeepLX- and DeepL-compatible translation on Cloudflare Workers AI (m2m100).',
    upstream_mode: config.upstreamMode,
    endpoints: [
      '/translate',
      '/v1/translate',
      '/v2/translate',
      '/v2/usage',
      '/v2/languages',
      '/imme',
      '/v1/models',
      '/v1/usage',
      '/healthz',
    ],
    models: ['@cf/meta/m2m100-1.2b'],
    clients: {
      immersive_translate_deeplx: `${origin}/translate?token=<key>`,
      deepl_api: { serverUrl: origin, authKey: '<key>' },
      bob_deeplx: { url: `${origin}/translate`, token: '<key>' },
      pot_deeplx: `${origin}/translate?token=<key>`,
    },
  });
  // Browsers get HTML from the same URL: caches must keep the two answers apart.
  response.headers.set('vary', 'Accept');
  return response;
}
