import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayFetch, openAiClient, readEvents, sineWav, testEnv } from './helpers';

const simulator = createSimulator();

afterEach(() => {
  vi.unstubAllGlobals();
  simulator.reset();
});

function stubRestApi() {
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    simulator.fetch(new Request(input, init)),
  );
}

const rest = {
  UPSTREAM_MODE: 'rest',
  CF_ACCOUNT_ID: 'acct',
  CF_API_TOKEN: 'tok',
  CF_API_BASE: 'http://sim.test/client/v4',
};

describe('the guide setup', () => {
  it('keeps working with @cf/meta/llama-3-8b-instruct, remapped with x-model-replaced', async () => {
    // The guide's curl: a plain JSON POST naming a model Workers AI removed on 2026-05-30.
    const response = await gatewayFetch(testEnv(simulator))('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: '@cf/meta/llama-3-8b-instruct',
        messages: [
          {
            role: 'user',
            content: 'how to build a wooden spoon in 3 short steps? give as short as answer as possible',
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-replaced')).toBe(
      '@cf/meta/llama-3-8b-instruct -> @cf/meta/llama-3.1-8b-instruct-fast',
    );
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toContain('wooden spoon');
    expect(simulator.calls[0]?.model).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
  });
});

describe('UPSTREAM_MODE=rest', () => {
  it('serves chat (streamed and not), embeddings and transcriptions over the REST API', async () => {
    stubRestApi();
    const client = openAiClient(testEnv(simulator, rest));
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.message.content).toContain('gpt-oss-120b');
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stop: 'from',
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage ??= chunk.usage ?? undefined;
    }
    expect(text).toBe('Simulated reply 1 ');
    expect(usage).toMatchObject({ completion_tokens: 12 });
    const embedding = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(embedding.data).toHaveLength(2);
    const { toFile } = await import('openai');
    const transcript = await client.audio.transcriptions.create({
      file: await toFile(sineWav(1), 'tone.wav', { type: 'audio/wav' }),
      model: '@cf/openai/whisper',
    });
    expect(transcript.text).toBe('Simulated transcript of 1.0 seconds of audio.');
    expect(simulator.calls.every((call) => call.via === 'rest')).toBe(true);
  });

  it('ends a truncated REST stream with an error event and [DONE]', async () => {
    stubRestApi();
    simulator.injectFault({ kind: 'truncate', afterEvents: 2 });
    const response = await gatewayFetch(testEnv(simulator, rest))('/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      }),
    });
    const events = await readEvents(response);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2) ?? '{}')).toMatchObject({
      error: { message: expect.stringContaining('ended before') },
    });
  });
});

describe('UPSTREAM_MODE=passthrough', () => {
  it("forwards the caller's Cloudflare token and maps a rejected one to 401", async () => {
    stubRestApi();
    const environment = testEnv(simulator, {
      UPSTREAM_MODE: 'passthrough',
      CF_ACCOUNT_ID: 'acct',
      CF_API_BASE: 'http://sim.test/client/v4',
      GATEWAY_KEYS: '',
    });
    const completion = await openAiClient(environment, 'cf-token').chat.completions.create({
      model: '@cf/meta/llama-3.2-1b-instruct',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.message.content).toContain('llama-3.2-1b-instruct');
    const error = await openAiClient(environment, 'sim-bad-token')
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });
});
