import { describeOpenAiClients, type GatewayHome } from '@workers-ai-gateways/core';
import { renderImageDashboard } from '../dashboard/render-image-dashboard';

/** What `GET /` says about the image gateway (core's router renders it; never a key). */
export const home: GatewayHome = {
  tasks: ['text-to-image'],
  renderDashboard: (options, config) =>
    renderImageDashboard({ ...options, imageBaseUrl: config.publicImageBaseUrl }),
  describe: ({ origin, config, models }) => ({
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
      ...describeOpenAiClients(origin, models),
    },
  }),
};
