import { estimateNeurons } from '@workers-ai-gateways/core';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gatewayFetch, openAiClient, readEvents, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator);
const client = openAiClient(environment);
const fetchGateway = gatewayFetch(environment);

beforeEach(() => simulator.reset());

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('POST /v1/chat/completions with the openai SDK', () => {
  it('answers a plain chat with real usage from the upstream', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
    expect(completion.choices[0]?.message.content).toMatch(
      /^Simulated reply 1 from @cf\/meta\/llama-3.1-8b-instruct-fast:/,
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBe(12);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + 12);
    expect(simulator.calls[0]?.inputs).not.toHaveProperty('stop');
  });

  it('streams text with the exact OpenAI framing and the usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello [[tokens=6]]' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(new Set(chunks.map((chunk) => chunk.created)).size).toBe(1);
    expect(new Set(chunks.map((chunk) => chunk.model))).toEqual(
      new Set(['@cf/meta/llama-3.1-8b-instruct-fast']),
    );
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Simulated reply 1 from @cf/meta/llama-3.1-8b-instruct-fast: Say');
    const finish = chunks.filter((chunk) => chunk.choices[0]?.finish_reason);
    expect(finish).toHaveLength(1);
    expect(finish[0]?.choices[0]?.finish_reason).toBe('stop');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ completion_tokens: 6 });
    expect(JSON.stringify(chunks)).not.toContain('"p"');
  });

  it('sends the role chunk first and [DONE] last on the wire, with no Cloudflare usage event', async () => {
    const response = await fetchGateway('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEvents(response);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
    expect(
      chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && Array.isArray(chunk.choices)),
    ).toBe(true);
    expect(chunks.some((chunk) => 'response' in chunk || 'usage' in chunk)).toBe(false);
  });

  it('maps tool calls from a legacy model, then sends the tool result back upstream', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
      tools: [weatherTool],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type).toBe('function');
    expect(call?.id).toMatch(/^call_/);
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'simulated city' });

    const followUp = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'Use get_weather for Paris' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: '{"temperature":21}' },
      ],
      tools: [weatherTool],
      tool_choice: 'none',
    });
    expect(followUp.choices[0]?.message.content).toContain('Simulated reply 2');
    const sent = simulator.calls.at(-1)?.inputs as { messages: unknown[]; tools?: unknown };
    expect(sent.messages.at(-1)).toEqual({
      role: 'tool',
      content: '{"temperature":21}',
      tool_call_id: call.id,
      name: 'get_weather',
    });
    expect(sent).not.toHaveProperty('tools');
  });

  it('streams tool calls as tool_calls deltas for both output families', async () => {
    for (const model of ['gpt-4o-mini', '@cf/qwen/qwen3-30b-a3b-fp8']) {
      const stream = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Call get_weather please' }],
        tools: [weatherTool],
        stream: true,
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
      expect(deltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather' } });
      expect(deltas[0]?.id).toBeTruthy();
      const argumentsText = deltas.map((delta) => delta.function?.arguments ?? '').join('');
      expect(JSON.parse(argumentsText)).toEqual({ city: 'simulated city' });
      expect(chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe(
        'tool_calls',
      );
    }
  });

  it('returns JSON-schema answers as a JSON string, streamed and not, for a legacy model', async () => {
    const responseFormat = {
      type: 'json_schema' as const,
      json_schema: {
        name: 'person',
        schema: {
          type: 'object',
          properties: { name: { type: 'string' }, age: { type: 'integer' } },
          required: ['name', 'age'],
        },
      },
    };
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Describe Ada' }],
      response_format: responseFormat,
    });
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({
      name: 'simulated name',
      age: 1,
    });
    expect(simulator.calls[0]?.inputs).toMatchObject({
      response_format: { type: 'json_schema', json_schema: responseFormat.json_schema.schema },
    });

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Describe Ada' }],
      response_format: responseFormat,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(JSON.parse(text)).toEqual({ name: 'simulated name', age: 1 });
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('returns json_object answers from an OpenAI-schema model', async () => {
    const completion = await client.chat.completions.create({
      model: '@cf/openai/gpt-oss-20b',
      messages: [{ role: 'user', content: 'JSON please' }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ reply: 'simulated reply' });
  });

  it('sends vision input to vision models as data: URLs, fetching https: images', async () => {
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
    const original = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL) => {
      const url = new Request(input).url;
      if (url === 'https://images.test/cat.png')
        return new Response(png, { headers: { 'content-type': 'image/png' } });
      return original(input);
    };
    try {
      const completion = await client.chat.completions.create({
        model: '@cf/meta/llama-4-scout-17b-16e-instruct',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these images?' },
              { type: 'image_url', image_url: { url: 'https://images.test/cat.png' } },
              {
                type: 'image_url',
                image_url: { url: `data:image/png;base64,${btoa(String.fromCharCode(...png))}` },
              },
            ],
          },
        ],
      });
      expect(completion.choices[0]?.message.content).toContain('What is in these images?');
    } finally {
      globalThis.fetch = original;
    }
    const sent = simulator.calls[0]?.inputs as { messages: [{ content: { image_url?: { url: string } }[] }] };
    const urls = sent.messages[0].content.flatMap((part) => (part.image_url ? [part.image_url.url] : []));
    expect(urls).toHaveLength(2);
    expect(urls.every((url) => url.startsWith('data:image/png;base64,'))).toBe(true);
  });

  it('refuses images for a text-only model with a 400 naming the content part', async () => {
    const error = await client.chat.completions
      .create({
        model: 'gpt-4o-mini',
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }],
          },
        ],
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
    expect(simulator.calls).toHaveLength(0);
  });

  it('puts reasoning in reasoning_content for gpt-oss, qwen3 and <think> models, streamed and not', async () => {
    for (const model of ['@cf/openai/gpt-oss-120b', '@cf/qwen/qwen3-30b-a3b-fp8', '@cf/qwen/qwq-32b']) {
      const completion = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Think' }],
      });
      const message = completion.choices[0]?.message as {
        content: string | null;
        reasoning_content?: string;
      };
      expect(message.reasoning_content).toBe('Simulated reasoning about reply 1.');
      expect(message.content).not.toContain('think>');
      expect(message.content).toMatch(/^Simulated reply 1/);

      const stream = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Think' }],
        stream: true,
      });
      let reasoning = '';
      let content = '';
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as
          | { content?: string | null; reasoning_content?: string }
          | undefined;
        reasoning += delta?.reasoning_content ?? '';
        content += delta?.content ?? '';
      }
      expect(reasoning).toBe('Simulated reasoning about reply 1.');
      expect(content).toBe(message.content);
    }
  });

  it('gives n choices from n upstream calls, streamed with choice indexes', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      n: 3,
      seed: 7,
    });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    expect(simulator.calls.map((call) => (call.inputs as { seed: number }).seed)).toEqual([7, 8, 9]);
    expect(completion.usage?.completion_tokens).toBe(36);

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      n: 2,
      stream: true,
      stream_options: { include_usage: true },
    });
    const texts = ['', ''];
    const finishes: number[] = [];
    let usage: unknown;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        texts[choice.index] += choice.delta.content ?? '';
        if (choice.finish_reason) finishes.push(choice.index);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(texts.every((text) => text.startsWith('Simulated reply 1'))).toBe(true);
    expect(finishes.sort()).toEqual([0, 1]);
    expect(usage).toMatchObject({ completion_tokens: 24 });
  });

  it('enforces stop sequences for legacy models and forwards them to OpenAI-schema models', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stop: ['from'],
    });
    expect(completion.choices[0]?.message.content).toBe('Simulated reply 1 ');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stop: 'reply 1 fr',
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Simulated ');
    expect(simulator.calls.every((call) => !('stop' in (call.inputs as object)))).toBe(true);

    await client.chat.completions.create({
      model: '@cf/openai/gpt-oss-20b',
      messages: [{ role: 'user', content: 'hi' }],
      stop: 'x',
    });
    expect(simulator.calls.at(-1)?.inputs).toMatchObject({ stop: ['x'] });
  });

  it('reports length when the answer hit max_tokens, and maps sampling parameters', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi [[tokens=40]]' }],
      max_completion_tokens: 5,
      temperature: 0.2,
      top_p: 0.9,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
      user: 'user-1',
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(simulator.calls[0]?.inputs).toMatchObject({
      max_tokens: 5,
      temperature: 0.2,
      top_p: 0.9,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
    });
    expect(simulator.calls[0]?.inputs).not.toHaveProperty('user');
  });
});

describe('chat streams that go wrong', () => {
  it('ends a stream the upstream cuts off with an OpenAI error event and [DONE]', async () => {
    simulator.injectFault({ kind: 'truncate', afterEvents: 3 });
    const response = await fetchGateway('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      }),
    });
    expect(response.status).toBe(200);
    const events = await readEvents(response);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2) ?? '{}')).toMatchObject({ error: { type: 'api_error' } });

    simulator.injectFault({ kind: 'truncate', afterEvents: 3 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    await expect(async () => {
      for await (const _chunk of stream) {
        // consume until the error event
      }
    }).rejects.toThrow(/Workers AI/);
  });

  it('forwards each upstream event as it arrives instead of buffering the answer', async () => {
    const paced = createSimulator({ tokenDelayMs: 40 });
    const response = await gatewayFetch(testEnv(paced))('/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi [[tokens=25]]' }],
        stream: true,
      }),
    });
    const started = Date.now();
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"content":"Simulated')) {
      const next = await reader?.read();
      if (next === undefined || next.done) break;
      text += next.value;
    }
    const firstContentAfter = Date.now() - started;
    while (!(await reader?.read())?.done) {
      // drain the rest
    }
    const totalAfter = Date.now() - started;
    expect(text).toContain('"content":"Simulated');
    expect(totalAfter).toBeGreaterThanOrEqual(800);
    expect(firstContentAfter).toBeLessThan(totalAfter / 4);
  });

  it('cancels the upstream stream when the client disconnects', async () => {
    let cancelled = false;
    const slowSimulator = createSimulator({ tokenDelayMs: 20 });
    // A binding that records whether the gateway cancelled the upstream stream.
    const slowEnvironment = testEnv(slowSimulator, {
      AI: {
        run: async (model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>) => {
          const output = (await slowSimulator.binding.run(
            model,
            inputs,
            options,
          )) as ReadableStream<Uint8Array>;
          const reader = output.getReader();
          return new ReadableStream<Uint8Array>({
            async pull(controller) {
              const next = await reader.read();
              if (next.done) controller.close();
              else controller.enqueue(next.value);
            },
            cancel(reason) {
              cancelled = true;
              return reader.cancel(reason);
            },
          });
        },
      },
    });
    const response = await gatewayFetch(slowEnvironment)('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi [[tokens=200]]' }],
        stream: true,
      }),
    });
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.read();
    await reader?.cancel();
    expect(cancelled).toBe(true);
  });
});

describe('usage reporting', () => {
  it("logs the model and the call's neurons, from the real usage or the upstream's own count", async () => {
    const log = vi.spyOn(console, 'log');
    try {
      const completion = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      });
      const lines = log.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
      const expected = estimateNeurons('@cf/meta/llama-3.1-8b-instruct-fast', {
        inputTokens: completion.usage?.prompt_tokens ?? 0,
        outputTokens: completion.usage?.completion_tokens ?? 0,
      });
      expect(lines.at(-1)).toMatchObject({
        model: '@cf/meta/llama-3.1-8b-instruct-fast',
        neurons: Math.round(expected * 10000) / 10000,
      });

      log.mockClear();
      const stream = await client.chat.completions.create({
        model: '@cf/openai/gpt-oss-20b',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      });
      for await (const _chunk of stream) {
        // drain
      }
      const streamLines = log.mock.calls.map(
        (call) => JSON.parse(String(call[0])) as Record<string, unknown>,
      );
      const end = streamLines.find((line) => line.event === 'stream_end');
      expect(end).toMatchObject({ model: '@cf/openai/gpt-oss-20b' });
      expect(end?.neurons).toBeGreaterThan(0);
    } finally {
      log.mockRestore();
    }
  });
});
