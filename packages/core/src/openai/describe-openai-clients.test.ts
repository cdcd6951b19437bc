import { describe, expect, it } from 'vitest';
import { describeOpenAiClients } from './describe-openai-clients';

describe('describeOpenAiClients', () => {
  it("fills the gateway's URL and models into the SDK options and the OneAPI channel, never a key", () => {
    const clients = describeOpenAiClients('https://chat.example.workers.dev', ['gpt-4o-mini', '@cf/x/y']);
    expect(clients).toEqual({
      openai_sdk: { baseURL: 'https://chat.example.workers.dev/v1', apiKey: '<one of GATEWAY_KEYS>' },
      oneapi_channel: {
        type: 'OpenAI',
        base_url: 'https://chat.example.workers.dev',
        key: '<one of GATEWAY_KEYS>',
        models: 'gpt-4o-mini,@cf/x/y',
      },
    });
  });
});
