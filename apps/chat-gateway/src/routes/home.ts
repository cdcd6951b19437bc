import { describeOpenAiClients, type GatewayHome } from '@workers-ai-gateways/core';
import { renderChatDashboard } from '../dashboard/render-chat-dashboard';
import { CHAT_TASKS } from './models';

/** What `GET /` says about the chat gateway (core's router renders it; never a key). */
export const home: GatewayHome = {
  tasks: CHAT_TASKS,
  renderDashboard: (options) => renderChatDashboard(options),
  describe: ({ origin, config, models }) => ({
    name: 'chat-gateway',
    description:
      'OpenAI-compatible chat, completions, Responses, embeddings and audio API, and the Anthropic Messages API, on Cloudflare Workers AI.',
    upstream_mode: config.upstreamMode,
    endpoints: [
      '/v1/chat/completions',
      '/v1/completions',
      '/v1/embeddings',
      '/v1/audio/transcriptions',
      '/v1/audio/translations',
      '/v1/audio/speech',
      '/v1/responses',
      '/v1/messages',
      '/v1/messages/count_tokens',
      '/v1/models',
      '/v1/usage',
      '/healthz',
    ],
    models,
    clients: {
      ...describeOpenAiClients(origin, models),
      codex_cli: { base_url: `${origin}/v1`, wire_api: 'responses', env_key: 'WORKERS_AI_GATEWAY_KEY' },
      claude_code: { ANTHROPIC_BASE_URL: origin, ANTHROPIC_AUTH_TOKEN: '<one of GATEWAY_KEYS>' },
      curl: `curl ${origin}/v1/chat/completions -H 'Authorization: Bearer <key>' -H 'Content-Type: application/json' -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}'`,
    },
  }),
};
