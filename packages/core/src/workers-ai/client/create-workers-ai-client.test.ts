import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../testing/gateway-error-of';
import { WORKERS_AI_ERROR_CASES } from '../../testing/workers-ai-error-cases';
import { createWorkersAiClient, type WorkersAiClientOptions } from './create-workers-ai-client';
import { createFakeWorkersAi } from './fake-workers-ai.test-helper';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';
const TOKEN = 'secret-cloudflare-token-123';

type Fake = ReturnType<typeof createFakeWorkersAi>;

function clientFor(
  fake: Fake,
  mode: 'binding' | 'rest' | 'passthrough',
  extra: Partial<WorkersAiClientOptions> = {},
) {
  if (mode === 'binding') return createWorkersAiClient({ mode, binding: fake.binding, ...extra });
  return createWorkersAiClient({
    mode,
    accountId: 'acct',
    apiToken: TOKEN,
    apiBase: 'http://sim.test/client/v4',
    fetch: (input, init) => fake.fetch(new Request(input, init)),
    ...extra,
  });
}

async function text(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

describe.each(['binding', 'rest'] as const)('createWorkersAiClient over %s', (mode) => {
  it.each(WORKERS_AI_ERROR_CASES)('maps upstream %i to %i %s', async (code, status, errorCode) => {
    const fake = createFakeWorkersAi();
    fake.injectFault({ kind: 'status', code, times: 2 });
    const error = await gatewayErrorOf(clientFor(fake, mode).run(MODEL, { prompt: 'hi' }, { retry: false }));
    expect([error.status, error.code, error.upstreamCode]).toEqual([status, errorCode, code]);
    expect(error.message).not.toContain(TOKEN);
  });

  it('unwraps JSON results and reports neurons', async () => {
    const fake = createFakeWorkersAi();
    const result = await clientFor(fake, mode).run(MODEL, { prompt: 'hi' });
    expect(result).toEqual({
      kind: 'json',
      data: { response: 'ok', usage: { total_tokens: 3, neurons: 1.5 } },
      neurons: 1.5,
    });
  });

  it('retries once on 3040 and on 500, then succeeds', async () => {
    for (const code of [3040, 500]) {
      const fake = createFakeWorkersAi();
      fake.injectFault({ kind: 'status', code, times: 1 });
      const result = await clientFor(fake, mode).run(MODEL, { prompt: 'hi' });
      expect(result.kind).toBe('json');
      expect(fake.calls).toHaveLength(2);
    }
  });

  it('retries at most once', async () => {
    const fake = createFakeWorkersAi();
    fake.injectFault({ kind: 'status', code: 3040, times: 5 });
    const error = await gatewayErrorOf(clientFor(fake, mode).run(MODEL, { prompt: 'hi' }));
    expect(error.code).toBe('upstream_overloaded');
    expect(fake.calls).toHaveLength(2);
  });

  it('does not retry an exhausted daily allocation, a stream, or when retry is off', async () => {
    const quota = createFakeWorkersAi();
    quota.injectFault({ kind: 'status', code: 4006, times: 5 });
    await gatewayErrorOf(clientFor(quota, mode).run(MODEL, { prompt: 'hi' }));
    expect(quota.calls).toHaveLength(1);

    const stream = createFakeWorkersAi();
    stream.injectFault({ kind: 'status', code: 3040, times: 5 });
    await gatewayErrorOf(clientFor(stream, mode).run(MODEL, { prompt: 'hi' }, { stream: true }));
    expect(stream.calls).toHaveLength(1);

    const off = createFakeWorkersAi();
    off.injectFault({ kind: 'status', code: 500, times: 5 });
    await gatewayErrorOf(clientFor(off, mode).run(MODEL, { prompt: 'hi' }, { retry: false }));
    expect(off.calls).toHaveLength(1);
  });

  it('returns streams as the raw SSE bytes', async () => {
    const fake = createFakeWorkersAi();
    const result = await clientFor(fake, mode).run(MODEL, { prompt: 'hi' }, { stream: true });
    if (result.kind !== 'stream') throw new Error(`expected a stream, got ${result.kind}`);
    expect(await text(result.body)).toContain('data: {"response":"Hi","p":"abc"}\n\n');
    expect(fake.calls[0]?.inputs).toMatchObject({ prompt: 'hi', stream: true });
  });

  it('returns JSON when a stream was asked for but the model answered JSON', async () => {
    const fake = createFakeWorkersAi();
    const result = await clientFor(fake, mode).run('@cf/test/json-only', { prompt: 'hi' }, { stream: true });
    expect(result).toMatchObject({ kind: 'json', data: { response: 'ok' } });
  });

  it('returns images and speech as bytes with their content type', async () => {
    const fake = createFakeWorkersAi();
    const client = clientFor(fake, mode);
    const image = await client.run('@cf/stabilityai/stable-diffusion-xl-base-1.0', { prompt: 'cat' });
    expect(image).toMatchObject({ kind: 'binary', contentType: 'image/png' });
    if (image.kind === 'binary')
      expect(new Uint8Array(await new Response(image.body).arrayBuffer())[1]).toBe(0x50);
    const speech = await client.run('@cf/deepgram/aura-1', { text: 'hi' });
    expect(speech).toMatchObject({ kind: 'binary', contentType: 'audio/mpeg' });
  });

  it('routes through the AI Gateway when a gateway id is set', async () => {
    const fake = createFakeWorkersAi();
    await clientFor(fake, mode, { gatewayId: 'my-gateway' }).run(MODEL, { prompt: 'hi' });
    expect(fake.calls[0]?.gatewayId).toBe('my-gateway');
    if (mode === 'rest')
      expect(fake.calls[0]?.url).toBe(`http://sim.test/v1/acct/my-gateway/workers-ai/${MODEL}`);
  });

  it('rethrows the abort reason when the signal is aborted', async () => {
    const fake = createFakeWorkersAi();
    const controller = new AbortController();
    controller.abort(new DOMException('client went away', 'AbortError'));
    await expect(
      clientFor(fake, mode).run(MODEL, { prompt: 'hi' }, { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('createWorkersAiClient over REST', () => {
  it('sends the token as a bearer token to the run URL with the model id unencoded', async () => {
    const fake = createFakeWorkersAi();
    await clientFor(fake, 'rest').run(MODEL, { prompt: 'hi' });
    expect(fake.calls[0]?.url).toBe(`http://sim.test/client/v4/accounts/acct/ai/run/${MODEL}`);
    expect(fake.calls[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('uses the public AI Gateway host with the default API base', async () => {
    const urls: string[] = [];
    const client = createWorkersAiClient({
      mode: 'rest',
      accountId: 'acct',
      apiToken: TOKEN,
      gatewayId: 'gw',
      fetch: async (input) => {
        urls.push(String(input));
        return Response.json({ result: {}, success: true, errors: [], messages: [] });
      },
    });
    await client.run(MODEL, { prompt: 'hi' });
    expect(urls).toEqual([`https://gateway.ai.cloudflare.com/v1/acct/gw/workers-ai/${MODEL}`]);
  });

  it("blames the caller's token for 10000 in passthrough mode, and never echoes it", async () => {
    const fake = createFakeWorkersAi();
    const client = clientFor(fake, 'passthrough');
    const error = await gatewayErrorOf(client.run(MODEL, { prompt: 'hi' }, { token: 'sim-bad-token' }));
    expect([error.status, error.code, error.upstreamCode]).toEqual([401, 'invalid_api_key', 10000]);
    expect(error.message).not.toContain('sim-bad-token');
    expect(fake.calls[0]?.authorization).toBe('Bearer sim-bad-token');
  });

  it('redacts a token quoted back by the upstream', async () => {
    const fake = createFakeWorkersAi();
    fake.injectFault({ kind: 'status', code: 5006, message: `bad token ${TOKEN} in input` });
    const error = await gatewayErrorOf(clientFor(fake, 'rest').run(MODEL, { prompt: 'hi' }));
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error.cause)).not.toContain(TOKEN);
  });

  it('sends raw audio bytes with their content type', async () => {
    const fake = createFakeWorkersAi();
    await clientFor(fake, 'rest').run('@cf/openai/whisper', {
      kind: 'bytes',
      body: Uint8Array.of(1, 2, 3),
      contentType: 'audio/mpeg',
    });
    expect(new Uint8Array(fake.calls[0]?.inputs as ArrayBuffer)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('retries a failed connection once, then maps it to 502 upstream_unreachable', async () => {
    let calls = 0;
    const client = createWorkersAiClient({
      mode: 'rest',
      accountId: 'acct',
      apiToken: TOKEN,
      fetch: async () => {
        calls += 1;
        throw new TypeError(`connect failed with ${TOKEN}`);
      },
    });
    const error = await gatewayErrorOf(client.run(MODEL, { prompt: 'hi' }, { stream: true }));
    expect([error.status, error.code]).toEqual([502, 'upstream_unreachable']);
    expect(String(error.cause)).not.toContain(TOKEN);
    expect(calls).toBe(2);
  });

  it('retries a connection lost before the first byte, streamed or not, unless retry is off', async () => {
    for (const stream of [false, true]) {
      const fake = createFakeWorkersAi();
      let failures = 1;
      const client = createWorkersAiClient({
        mode: 'rest',
        accountId: 'acct',
        apiToken: TOKEN,
        fetch: async (input, init) => {
          if (failures-- > 0) throw new TypeError('Network connection lost.');
          return fake.fetch(new Request(input, init));
        },
      });
      const started = Date.now();
      const result = await client.run(MODEL, { prompt: 'hi' }, { stream });
      expect(result.kind).toBe(stream ? 'stream' : 'json');
      // Quickly: a new connection, not the 200 ms pause of a capacity retry.
      expect(Date.now() - started).toBeLessThan(150);
    }
    let calls = 0;
    const off = createWorkersAiClient({
      mode: 'rest',
      accountId: 'acct',
      apiToken: TOKEN,
      fetch: async () => {
        calls += 1;
        throw new TypeError('Network connection lost.');
      },
    });
    await gatewayErrorOf(off.run(MODEL, { prompt: 'hi' }, { retry: false }));
    expect(calls).toBe(1);
  });

  it('retries a body that broke off before the gateway read any of it', async () => {
    let calls = 0;
    const client = createWorkersAiClient({
      mode: 'rest',
      accountId: 'acct',
      apiToken: TOKEN,
      fetch: async () => {
        calls += 1;
        if (calls === 1) {
          const broken = new ReadableStream({
            pull(controller) {
              controller.error(new TypeError('Network connection lost.'));
            },
          });
          return new Response(broken, { headers: { 'content-type': 'application/json' } });
        }
        return Response.json({ result: { response: 'ok' }, success: true, errors: [], messages: [] });
      },
    });
    expect(await client.run(MODEL, { prompt: 'hi' })).toMatchObject({
      kind: 'json',
      data: { response: 'ok' },
    });
    expect(calls).toBe(2);
  });

  it('refuses model ids that would leave the run path', async () => {
    const fake = createFakeWorkersAi();
    const error = await gatewayErrorOf(clientFor(fake, 'rest').run('@cf/../../tokens', { prompt: 'hi' }));
    expect(error.status).toBe(404);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('createWorkersAiClient over the binding', () => {
  it('retries a binding call whose connection was lost, streamed or not', async () => {
    for (const stream of [false, true]) {
      const fake = createFakeWorkersAi();
      let failures = 1;
      const binding = {
        run(model: string, inputs: unknown, options?: Record<string, unknown>) {
          if (failures-- > 0) return Promise.reject(new Error('Network connection lost.'));
          return fake.binding.run(model, inputs, options);
        },
      };
      const result = await createWorkersAiClient({ mode: 'binding', binding }).run(
        MODEL,
        { prompt: 'hi' },
        { stream },
      );
      expect(result.kind).toBe(stream ? 'stream' : 'json');
      expect(fake.calls).toHaveLength(1);
    }
  });

  it("retries only lost connections with retry: 'connection'", async () => {
    const fake = createFakeWorkersAi();
    fake.injectFault({ kind: 'status', code: 3040, times: 5 });
    await gatewayErrorOf(
      createWorkersAiClient({ mode: 'binding', binding: fake.binding }).run(
        MODEL,
        { prompt: 'hi' },
        { retry: 'connection' },
      ),
    );
    expect(fake.calls).toHaveLength(1);
  });

  it('converts byte and multipart inputs to the shapes the binding takes', async () => {
    const fake = createFakeWorkersAi();
    const client = clientFor(fake, 'binding');
    await client.run('@cf/openai/whisper', {
      kind: 'bytes',
      body: Uint8Array.of(1, 2),
      contentType: 'audio/wav',
    });
    // workerd's binding sends `{audio: {body: ReadableStream, contentType}}` as the raw body.
    const whisper = fake.calls[0]?.inputs as { audio: { body: ReadableStream; contentType: string } };
    expect(whisper.audio.contentType).toBe('audio/wav');
    expect(new Uint8Array(await new Response(whisper.audio.body).arrayBuffer())).toEqual(Uint8Array.of(1, 2));
    await client.run('@cf/deepgram/nova-3', {
      kind: 'bytes',
      body: Uint8Array.of(1, 2),
      contentType: 'audio/wav',
    });
    expect(fake.calls[1]?.inputs).toMatchObject({ audio: { contentType: 'audio/wav' } });
    const form = new FormData();
    form.set('prompt', 'a cat');
    await client.run('@cf/black-forest-labs/flux-2-dev', { kind: 'multipart', form });
    const call = fake.calls[2];
    if (call === undefined) throw new Error('expected a third call');
    const { multipart } = call.inputs as { multipart: { body: ReadableStream; contentType: string } };
    expect(multipart.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await new Response(multipart.body).text()).toContain('a cat');
  });

  it('sniffs the content type of bytes the binding returns without one', async () => {
    const client = createWorkersAiClient({
      mode: 'binding',
      binding: { run: async () => Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) },
    });
    expect(await client.run('@cf/x/y', {})).toMatchObject({ kind: 'binary', contentType: 'image/jpeg' });
  });
});

describe('createWorkersAiClient configuration', () => {
  it.each([
    [{ mode: 'binding' as const }, 503, 'AI binding'],
    [{ mode: 'rest' as const, apiToken: TOKEN }, 503, 'CF_ACCOUNT_ID'],
    [{ mode: 'rest' as const, accountId: 'acct' }, 503, 'CF_API_TOKEN'],
    [{ mode: 'passthrough' as const }, 503, 'CF_ACCOUNT_ID'],
    [{ mode: 'passthrough' as const, accountId: 'acct' }, 401, 'token'],
  ])('names the missing setting (%o)', async (options, status, setting) => {
    const error = await gatewayErrorOf(createWorkersAiClient(options).run(MODEL, { prompt: 'hi' }));
    expect(error.status).toBe(status);
    expect(error.message).toContain(setting);
  });
});
