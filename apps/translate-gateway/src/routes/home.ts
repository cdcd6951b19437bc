import type { GatewayHome } from '@workers-ai-gateways/core';
import { renderTranslateDashboard } from '../dashboard/render-translate-dashboard';

/**
 * What `GET /` says about the translate gateway (core's router renders it; never a key).
 * DeepLX answers `GET /` with a JSON banner too, hence `code` and `message`.
 */
export const home: GatewayHome = {
  tasks: ['translation'],
  renderDashboard: (options) => renderTranslateDashboard(options),
  describe: ({ origin, config }) => ({
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
  }),
};
