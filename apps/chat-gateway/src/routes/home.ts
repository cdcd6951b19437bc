import { type GatewayRequest, listModels, prefersHtml, requestConfig } from '@workers-ai-gateways/core';
import { renderChatDashboard } from '../dashboard/render-chat-dashboard';
import { CHAT_TASKS } from './models';

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
    return renderChatDashboard({
      origin,
      upstreamMode: config.upstreamMode,
      models: listModels({ task: [...CHAT_TASKS], aliases: config.modelAliases }),
      anonymous: config.allowAnonymous,
    });
  }
  const models = listModels({ task: [...CHAT_TASKS], aliases: config.modelAliases }).map((model) => model.id);
  const response = Response.json({
    name: 'chat-gateway',
    description: 'OpenAI-compatible chat, completions, embeddings and audio API on Cloudflare Workers AI.',
    upstream_mode: config.upstreamMode,
    endpoints: [
      '/v1/chat/completions',
      '/v1/completions',
      '/v1/embeddings',
      '/v1/audio/transcriptions',
      '/v1/audio/translations',
      '/v1/audio/speech',
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
      curl: `curl ${origin}/v1/chat/completions -H 'Authorization: Bearer <key>' -H 'Content-Type: application/json' -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}'`,
    },
  });
  // Browsers get HTML from the same URL: caches must keep the two answers apart.
  response.headers.set('vary', 'Accept');
  return response;
}
