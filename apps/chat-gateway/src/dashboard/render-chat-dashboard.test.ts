import type { DashboardOptions } from '@workers-ai-gateways/core';
import { dashboardSettingsText, expectSelfContainedPage } from '@workers-ai-gateways/core/testing';
import { describe, expect, it } from 'vitest';
import { renderChatDashboard } from './render-chat-dashboard';

const options: DashboardOptions = {
  origin: 'https://chat.example.workers.dev',
  upstreamMode: 'binding',
  models: [
    { id: '@cf/meta/llama-3.1-8b-instruct-fast', task: 'text-generation' },
    { id: 'gpt-4o-mini', alias_for: '@cf/meta/llama-3.1-8b-instruct-fast', task: 'text-generation' },
    { id: '@cf/baai/bge-base-en-v1.5', task: 'text-embeddings' },
  ],
  anonymous: false,
};

describe('renderChatDashboard', () => {
  it('allows exactly its own inline script and style by hash, nothing from elsewhere', async () => {
    await expectSelfContainedPage(await renderChatDashboard(options));
  });

  it('fills the gateway URL into every chat client setting and offers only chat models to the playground', async () => {
    const html = await (await renderChatDashboard(options)).text();
    const settings = dashboardSettingsText(html);
    expect(settings).toContain('Type:     OpenAI\nBase URL: https://chat.example.workers.dev\n');
    expect(settings).toContain('Models:   @cf/meta/llama-3.1-8b-instruct-fast,gpt-4o-mini,');
    expect(settings).toContain('OPENAI_PROXY_URL=https://chat.example.workers.dev/v1');
    expect(settings).toContain("baseURL: 'https://chat.example.workers.dev/v1'");
    expect(settings).toContain('base_url="https://chat.example.workers.dev/v1"');
    expect(settings).toContain('curl https://chat.example.workers.dev/v1/chat/completions');
    expect(settings).toContain('export ANTHROPIC_BASE_URL=https://chat.example.workers.dev\n');
    expect(settings).toContain(
      'base_url = "https://chat.example.workers.dev/v1"\nenv_key = "WORKERS_AI_GATEWAY_KEY"\nwire_api = "responses"',
    );
    expect(settings).toContain("createOpenAI({ baseURL: 'https://chat.example.workers.dev/v1'");
    expect(settings).toContain("new Anthropic({ baseURL: 'https://chat.example.workers.dev'");
    expect(html).toContain('<option value="gpt-4o-mini" selected>');
    expect(html).not.toContain('<option value="@cf/baai/bge-base-en-v1.5"');
    expect(html).toContain('<code>@cf/baai/bge-base-en-v1.5</code>');
  });
});
