import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';
import { WORKERS_AI_ERROR_STATUS } from './map-error-status';
import { readEventStream } from './testing/read-event-stream';

const base = 'https://api.cloudflare.com/client/v4/accounts/acc123/ai/run/';
const llama = '@cf/meta/llama-3.1-8b-instruct-fast';

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(path, {
    method: 'POST',
    headers: { authorization: 'Bearer sim-token', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('REST envelope and auth', () => {
  it('wraps results in the Cloudflare envelope', async () => {
    const simulator = createSimulator();
    const response = await simulator.fetch(post(base + llama, { prompt: 'hello' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ success: true, errors: [], messages: [] });
    expect((body.result as { response: string }).response).toMatch(/^Simulated reply 1 from/);
    expect(simulator.calls).toEqual([{ model: llama, inputs: { prompt: 'hello' }, via: 'rest' }]);
  });

  it('accepts URL-encoded model ids and the AI Gateway path', async () => {
    const simulator = createSimulator();
    const encoded = await simulator.fetch(post(base + encodeURIComponent(llama), { prompt: 'x' }));
    expect(encoded.status).toBe(200);
    const viaGateway = await simulator.fetch(
      post(`https://gateway.ai.cloudflare.com/v1/acc123/my-gateway/workers-ai/${llama}`, { prompt: 'x' }),
    );
    expect(viaGateway.status).toBe(200);
    expect(simulator.calls[1]).toMatchObject({ model: llama, gatewayId: 'my-gateway', via: 'rest' });
  });

  it.each([
    ['missing', {}],
    ['empty', { authorization: 'Bearer ' }],
    ['bad', { authorization: 'Bearer sim-bad-token' }],
  ])('answers 401/10000 for a %s token', async (_name, headers) => {
    const simulator = createSimulator();
    const request = new Request(base + llama, { method: 'POST', headers, body: '{"prompt":"x"}' });
    const response = await simulator.fetch(request);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      result: null,
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
      messages: [],
    });
    expect(simulator.calls).toHaveLength(0);
  });

  it('answers removed models with 410/5028 and unknown ones with 400/5007', async () => {
    const simulator = createSimulator();
    const removed = await simulator.fetch(post(`${base}@cf/meta/llama-3.1-8b-instruct`, { prompt: 'x' }));
    expect(removed.status).toBe(410);
    expect(await removed.json()).toMatchObject({
      errors: [
        {
          code: 5028,
          message:
            'AiError: @cf/meta/llama-3.1-8b-instruct was deprecated on 2026-05-30. See the model catalog for alternatives',
        },
      ],
    });
    const thebloke = await simulator.fetch(post(`${base}@hf/thebloke/anything-awq`, { prompt: 'x' }));
    expect(thebloke.status).toBe(410);
    const unknown = await simulator.fetch(post(`${base}@cf/nobody/nothing`, { prompt: 'x' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: [{ code: 5007, message: 'AiError: No such model @cf/nobody/nothing or task' }],
    });
  });

  it('rejects a body that is not JSON with 5006', async () => {
    const simulator = createSimulator();
    const request = new Request(base + llama, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: '{"prompt":',
    });
    const response = await simulator.fetch(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ code: 5006 }] });
  });

  it('lets a test change the model search list, over REST and the binding, and fail it', async () => {
    const simulator = createSimulator();
    simulator.listModel({
      name: '@cf/example/new-chat',
      task: 'Text Generation',
      properties: [{ property_id: 'function_calling', value: 'true' }],
    });
    simulator.unlistModel('@cf/meta/llama-3.2-1b-instruct');
    const names = (await simulator.binding.models({ per_page: 1000 })).map(
      (model) => (model as { name: string }).name,
    );
    expect(names).toContain('@cf/example/new-chat');
    expect(names).not.toContain('@cf/meta/llama-3.2-1b-instruct');
    expect(names).toContain('@cf/meta/llama-3.2-3b-instruct');
    simulator.injectFault({ kind: 'status', code: 500, model: 'models/search' });
    const failed = await simulator.fetch(
      new Request('https://api.cloudflare.com/client/v4/accounts/acc/ai/models/search', {
        headers: { authorization: 'Bearer t' },
      }),
    );
    expect(failed.status).toBe(500);
    simulator.reset();
    const again = (await simulator.binding.models()).map((model) => (model as { name: string }).name);
    expect(again).not.toContain('@cf/example/new-chat');
  });

  it('serves health, model search and the control endpoints', async () => {
    const simulator = createSimulator();
    expect((await simulator.fetch(new Request('http://sim/healthz'))).status).toBe(200);
    const search = await simulator.fetch(
      new Request(
        'https://api.cloudflare.com/client/v4/accounts/acc/ai/models/search?task=Text%20Generation&search=llama-3.2&per_page=50',
        { headers: { authorization: 'Bearer t' } },
      ),
    );
    const body = (await search.json()) as {
      success: boolean;
      result: {
        name: string;
        task: { name: string };
        properties: { property_id: string; value: string }[];
      }[];
      result_info: { total_count: number };
    };
    expect(body.success).toBe(true);
    expect(body.result.map((model) => model.name)).toContain('@cf/meta/llama-3.2-3b-instruct');
    expect(body.result.every((model) => model.task.name === 'Text Generation')).toBe(true);
    expect(body.result[0]?.properties).toContainEqual({
      property_id: 'context_window',
      value: expect.any(String),
    });

    await simulator.fetch(
      new Request('http://sim/__sim/faults', {
        method: 'POST',
        body: JSON.stringify([{ kind: 'status', code: 3040 }]),
      }),
    );
    expect(await (await simulator.fetch(post(base + llama, { prompt: 'x' }))).json()).toMatchObject({
      errors: [{ code: 3040 }],
    });
    const state = (await (await simulator.fetch(new Request('http://sim/__sim/state'))).json()) as {
      calls: number;
    };
    expect(state.calls).toBe(1);
    await simulator.fetch(new Request('http://sim/__sim/reset', { method: 'POST' }));
    expect(simulator.calls).toHaveLength(0);
  });
});

describe('binding', () => {
  it('returns the result without envelope and records the gateway', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run(llama, { prompt: 'hello' }, { gateway: { id: 'gw' } })) as {
      response: string;
      usage: { total_tokens: number };
    };
    expect(result.response).toContain('Simulated reply');
    expect(result.usage.total_tokens).toBeGreaterThan(0);
    expect(simulator.calls).toEqual([
      { model: llama, inputs: { prompt: 'hello' }, via: 'binding', gatewayId: 'gw' },
    ]);
  });

  it('throws "<code>: <message>" errors', async () => {
    const simulator = createSimulator();
    await expect(simulator.binding.run(llama, { prompt: 'x', stop: ['\n'] })).rejects.toThrow(
      "5006: Additional or unevaluated properties '/stop' at '/' not allowed",
    );
    await expect(simulator.binding.run('@cf/meta/llama-2-7b-chat-int8', { prompt: 'x' })).rejects.toThrow(
      /^5028: /,
    );
  });

  it('returns a Response with returnRawResponse', async () => {
    const simulator = createSimulator();
    const response = (await simulator.binding.run(
      llama,
      { prompt: 'x' },
      { returnRawResponse: true },
    )) as Response;
    expect(response).toBeInstanceOf(Response);
    expect(await response.json()).toMatchObject({ success: true });
  });

  it('streams the same SSE bytes', async () => {
    const simulator = createSimulator();
    const stream = (await simulator.binding.run(llama, {
      prompt: 'x',
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const events = await readEventStream(stream);
    expect(events.at(-1)).toBe('[DONE]');
  });
});

describe('neurons', () => {
  it('fails priced calls with 4006 past the daily limit and rolls over at 00:00 UTC', async () => {
    let clock = Date.UTC(2026, 5, 1, 23, 59);
    const simulator = createSimulator({ dailyNeuronLimit: 3, now: () => clock });
    await simulator.binding.run('@cf/meta/llama-3.3-70b-instruct-fp8-fast', { prompt: 'hi [[tokens=10]]' });
    expect(simulator.neuronsUsed()).toBeCloseTo((4 * 26668 + 10 * 204805) / 1e6, 6);
    // Still under the limit: the call that crosses it is allowed, the next one is not.
    await simulator.binding.run('@cf/meta/llama-3.3-70b-instruct-fp8-fast', { prompt: 'hi [[tokens=10]]' });
    expect(simulator.neuronsUsed()).toBeGreaterThanOrEqual(3);
    await expect(simulator.binding.run(llama, { prompt: 'x' })).rejects.toThrow(
      "4006: you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
    );
    const rest = await simulator.fetch(post(base + llama, { prompt: 'x' }));
    expect(rest.status).toBe(429);
    expect(await rest.json()).toMatchObject({ errors: [{ code: 4006 }] });
    // The beta SD models are free and keep working.
    await expect(
      simulator.binding.run('@cf/lykon/dreamshaper-8-lcm', { prompt: 'x', width: 256, height: 256 }),
    ).resolves.toBeInstanceOf(ReadableStream);

    clock = Date.UTC(2026, 5, 2, 0, 0, 1);
    expect(simulator.neuronsUsed()).toBe(0);
    await expect(simulator.binding.run(llama, { prompt: 'x' })).resolves.toBeDefined();
  });

  it('resets with reset()', async () => {
    const simulator = createSimulator();
    await simulator.binding.run(llama, { prompt: 'x' });
    expect(simulator.neuronsUsed()).toBeGreaterThan(0);
    simulator.reset();
    expect(simulator.neuronsUsed()).toBe(0);
    expect(simulator.calls).toHaveLength(0);
  });
});

describe('faults', () => {
  it('delays the answer with latency', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'latency', ms: 120 });
    const started = Date.now();
    await simulator.binding.run(llama, { prompt: 'x' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('paces stream events with slow-tokens', async () => {
    const simulator = createSimulator();
    const started = Date.now();
    const response = await simulator.fetch(
      post(
        base + llama,
        { prompt: 'x [[tokens=4]]', stream: true },
        { 'x-sim-fault': 'kind=slow-tokens;ms=40' },
      ),
    );
    const events = await readEventStream(response.body as ReadableStream<Uint8Array>);
    expect(events).toHaveLength(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 40 - 10);
  });

  // Every code of the upstream error table (the one core's tests read too), and an unknown one.
  it.each([
    ...Object.entries(WORKERS_AI_ERROR_STATUS).map(([code, status]) => [Number(code), status] as const),
    [500, 500] as const,
  ])('answers status fault %i with HTTP %i', async (code, status) => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code });
    const response = await simulator.fetch(post(base + llama, { prompt: 'x' }));
    expect(response.status).toBe(status);
    // A plain HTTP 429 (the per-minute rate limit) comes without Cloudflare's JSON envelope.
    if (code === 429) {
      expect(await response.text()).toBe('Too Many Requests');
      expect(response.headers.get('retry-after')).toBe('1');
      return;
    }
    const body = (await response.json()) as { errors: { code: number; message: string }[] };
    if (code === 500) expect(body.errors[0]?.message).toBe('AiError: Unknown internal error');
    else expect(body.errors[0]?.code).toBe(code);
    // The fault is used up.
    expect((await simulator.fetch(post(base + llama, { prompt: 'x' }))).status).toBe(200);
  });

  it('answers a plain 429 and honours model and times', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 429, model: llama, times: 2 });
    const other = await simulator.fetch(post(`${base}@cf/meta/llama-3.2-1b-instruct`, { prompt: 'x' }));
    expect(other.status).toBe(200);
    expect((await simulator.fetch(post(base + llama, { prompt: 'x' }))).status).toBe(429);
    await expect(simulator.binding.run(llama, { prompt: 'x' })).rejects.toThrow(/^429: /);
    expect((await simulator.fetch(post(base + llama, { prompt: 'x' }))).status).toBe(200);
  });

  it('applies header faults to the binding through extraHeaders', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.binding.run(
        llama,
        { prompt: 'x' },
        { extraHeaders: { 'x-sim-fault': 'kind=status;code=3040' } },
      ),
    ).rejects.toThrow(/^3040: /);
  });

  it('truncates REST streams and errors binding streams', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'truncate', afterEvents: 2, times: 2 });
    const response = await simulator.fetch(post(base + llama, { prompt: 'x', stream: true }));
    const events = await readEventStream(response.body as ReadableStream<Uint8Array>);
    expect(events).toHaveLength(2);
    expect(events.some((event) => event.includes('usage') || event === '[DONE]')).toBe(false);
    const stream = (await simulator.binding.run(llama, {
      prompt: 'x',
      stream: true,
    })) as ReadableStream<Uint8Array>;
    await expect(readEventStream(stream)).rejects.toThrow('Network connection lost.');
  });

  it('drops the connection before the first byte with reset, over REST and the binding', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.fetch(post(base + llama, { prompt: 'x', stream: true }, { 'x-sim-fault': 'kind=reset' })),
    ).rejects.toThrow(new TypeError('Network connection lost.'));
    simulator.injectFault({ kind: 'reset', model: llama });
    await expect(simulator.binding.run(llama, { prompt: 'x' })).rejects.toThrow('Network connection lost.');
    // Each reset was one call the upstream saw; the next one is answered.
    expect(simulator.calls).toHaveLength(2);
    expect((await simulator.fetch(post(base + llama, { prompt: 'x' }))).status).toBe(200);
  });

  it('answers a busy model at once with 3040 under rejectIfBusy, after the queue otherwise', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'busy', model: llama, ms: 150, times: 3 });
    await expect(simulator.binding.run(llama, { prompt: 'x' }, { rejectIfBusy: true })).rejects.toThrow(
      /^3040: /,
    );
    const rejected = await simulator.fetch(
      post(base + llama, { prompt: 'x', options: { rejectIfBusy: true } }),
    );
    expect(rejected.status).toBe(429);
    expect(await rejected.json()).toMatchObject({ errors: [{ code: 3040 }] });
    const started = Date.now();
    expect((await simulator.fetch(post(base + llama, { prompt: 'x' }))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(simulator.calls.map((call) => call.rejectIfBusy)).toEqual([true, true, undefined]);
    // `options` is the call's, not the model's input: never a 5006.
    expect(simulator.calls[1]?.inputs).toEqual({ prompt: 'x' });
  });

  it('answers paid-only and removed faults per model with 5035 and 5028', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'paid-only', model: llama });
    simulator.injectFault({ kind: 'removed', model: '@cf/meta/llama-3.2-1b-instruct' });
    const paid = await simulator.fetch(post(base + llama, { prompt: 'x' }));
    expect([paid.status, ((await paid.json()) as { errors: { code: number }[] }).errors[0]?.code]).toEqual([
      403, 5035,
    ]);
    await expect(simulator.binding.run('@cf/meta/llama-3.2-1b-instruct', { prompt: 'x' })).rejects.toThrow(
      /^5028: /,
    );
    const header = await simulator.fetch(
      post(base + llama, { prompt: 'x' }, { 'x-sim-fault': 'kind=removed' }),
    );
    expect(header.status).toBe(410);
  });

  it('sends malformed JSON in streams and bodies', async () => {
    const simulator = createSimulator();
    const streamed = await simulator.fetch(
      post(base + llama, { prompt: 'x', stream: true }, { 'x-sim-fault': 'kind=malformed' }),
    );
    const events = await readEventStream(streamed.body as ReadableStream<Uint8Array>);
    expect(() => JSON.parse(events[0] ?? '')).toThrow();
    expect(JSON.parse(events[1] ?? '')).toHaveProperty('response');
    const body = await simulator.fetch(
      post(base + llama, { prompt: 'x' }, { 'x-sim-fault': 'kind=malformed' }),
    );
    await expect(body.json()).rejects.toThrow();
    simulator.injectFault({ kind: 'malformed' });
    await expect(simulator.binding.run(llama, { prompt: 'x' })).rejects.toThrow(SyntaxError);
  });
});

describe('aborts and limits', () => {
  it('rejects a binding call whose signal aborts during injected latency', async () => {
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'latency', ms: 5000 });
    const controller = new AbortController();
    const pending = simulator.binding.run(llama, { prompt: 'x' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('answers 413/3006 for an oversized body', async () => {
    const simulator = createSimulator();
    const response = await simulator.fetch(
      new Request(`${base}@cf/openai/whisper`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'audio/mpeg' },
        body: new Uint8Array(26 * 1024 * 1024),
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ code: 3006 }] });
  });
});
