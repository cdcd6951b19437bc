import { type GatewayRequest, listModels, prefersHtml, requestConfig } from '@workers-ai-gateways/core';
import { renderImageDashboard } from '../dashboard/render-image-dashboard';

/**
 * `GET /`: what this gateway is and how to point a client at it, with its own URL filled in.
 * An HTML dashboard for browsers (`Accept: text/html`), JSON for everything else.
 * Public and free of secrets: it never shows a key.
 */
export function home(request: GatewayRequest): Response | Promise<Response> {
  const config = requestConfig(request);
  const origin = new URL(request.url).origin;
  // Browsers get the dashboard; curl, SDKs and DeepLX clients keep the JSON below.
  if (prefersHtml(request)) {
    return renderImageDashboard({
      origin,
      upstreamMode: config.upstreamMode,
      models: listModels({ task: 'text-to-image', aliases: config.modelAliases }),
      anonymous: config.allowAnonymous,
      imageBaseUrl: config.publicImageBaseUrl,
    });
  }
  const models = listModels({ task: 'text-to-image', aliases: config.modelAliases }).map((model) => model.id);
  const response = Response.json({
    name: 'image-gateway',
    description: 'OpenAI-compatible image generation on Cloudflare Workers AI, images hosted in R2.',
    upstream_mode: config.upstreamMode,
    endpoints: [
      '/v1/images/generations',
      '/v1/images/edits',
      '/v1/chat/completions',
      '/images/<key>',
      '/v1/models',
      '/v1/usage',
      '/healthz',
    ],
    models,
    clients: {
      openai_sdk: { baseURL: `${origin}/v1`, apiKey: '<one of GATEWAY_KEYS>' },
      oneapi_channel: {
        type: 'OpenAI',
        base_url: origin,
        key: '<one of GATEWAY_KEYS>',
        models: models.join(','),
      },
    },
  });
  // Browsers get HTML from the same URL: caches must keep the two answers apart.
  response.headers.set('vary', 'Accept');
  return response;
}
