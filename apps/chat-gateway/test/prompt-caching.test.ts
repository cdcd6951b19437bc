import { estimateNeurons } from '@workers-ai-gateways/core';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayFetch, testEnv } from './helpers';

const MODEL = '@cf/openai/gpt-oss-120b';
const simulator = createSimulator();

afterEach(() => {
  vi.unstubAllGlobals();
  simulator.reset();
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function chat(
  messages: unknown[],
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: MODEL, messages, ...extra }),
  };
}

interface Completion {
  choices: { message: { content: string } }[];
  usage: { prompt_tokens: number; prompt_tokens_details?: { cached_tokens: number } };
}

describe('prompt caching (x-session-affinity)', () => {
  it('sends a hash of prompt_cache_key, and reports the cached prompt tokens of the next turn', async () => {
    const environment = testEnv(simulator);
    const first = [
      { role: 'system', content: 'You are a careful assistant with a long system prompt. '.repeat(20) },
      { role: 'user', content: 'hi' },
    ];
    const one = await gatewayFetch(environment)(
      '/v1/chat/completions',
      chat(first, { prompt_cache_key: 'conv-42' }),
    );
    expect(one.status).toBe(200);
    const answer = ((await one.json()) as Completion).choices[0]?.message.content ?? '';
    const second = [...first, { role: 'assistant', content: answer }, { role: 'user', content: 'and then?' }];
    const two = await gatewayFetch(environment)(
      '/v1/chat/completions',
      chat(second, { prompt_cache_key: 'conv-42' }),
    );
    const usage = ((await two.json()) as Completion).usage;
    expect(usage.prompt_tokens_details?.cached_tokens).toBeGreaterThan(100);
    expect(usage.prompt_tokens_details?.cached_tokens).toBeLessThan(usage.prompt_tokens);

    const affinities = simulator.calls.map((call) => call.sessionAffinity);
    expect(affinities[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(affinities[1]).toBe(affinities[0]);
    // Hashed: the client's identifier itself never leaves the gateway.
    expect(JSON.stringify(simulator.calls)).not.toContain('conv-42');
    expect(affinities[0]).not.toBe(await sha256Hex('conv-42'));
  });

  it('takes user or a session header when there is no prompt_cache_key, and sends nothing without one', async () => {
    const environment = testEnv(simulator);
    const messages = [{ role: 'user', content: 'hi' }];
    await gatewayFetch(environment)('/v1/chat/completions', chat(messages, { user: 'alice@example.com' }));
    await gatewayFetch(environment)(
      '/v1/chat/completions',
      chat(messages, {}, { session_id: 'codex-session-1' }),
    );
    await gatewayFetch(environment)('/v1/chat/completions', chat(messages));
    const [byUser, byHeader, none] = simulator.calls.map((call) => call.sessionAffinity);
    expect(byUser).toMatch(/^[0-9a-f]{64}$/);
    expect(byHeader).toMatch(/^[0-9a-f]{64}$/);
    expect(byHeader).not.toBe(byUser);
    expect(none).toBeUndefined();
    expect(JSON.stringify(simulator.calls)).not.toContain('alice@example.com');
  });

  it('sends the header over REST too', async () => {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      simulator.fetch(new Request(input, init)),
    );
    const environment = testEnv(simulator, {
      UPSTREAM_MODE: 'rest',
      CF_ACCOUNT_ID: 'acct',
      CF_API_TOKEN: 'tok',
      CF_API_BASE: 'http://sim.test/client/v4',
    });
    await gatewayFetch(environment)(
      '/v1/chat/completions',
      chat([{ role: 'user', content: 'hi' }], { user: 'bob' }),
    );
    expect(simulator.calls[0]?.sessionAffinity).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prices cached prompt tokens at the published cached rate', () => {
    // kimi-k2.6 publishes one ($0.16 per million cached input tokens); other models are charged in full.
    const full = estimateNeurons('@cf/moonshotai/kimi-k2.6', { inputTokens: 10_000, outputTokens: 0 });
    const cached = estimateNeurons('@cf/moonshotai/kimi-k2.6', {
      inputTokens: 10_000,
      outputTokens: 0,
      cachedTokens: 8_000,
    });
    expect(cached).toBeLessThan(full * 0.4);
  });
});
