import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';
import { readEventStream } from './testing/read-event-stream';

const llama = '@cf/meta/llama-3.1-8b-instruct-fast';
type LegacyResult = {
  response: unknown;
  tool_calls: { name: string; arguments: Record<string, unknown> }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};

describe('legacy text generation', () => {
  it('answers a deterministic reply of about 12 tokens with usage', async () => {
    const simulator = createSimulator();
    const inputs = { messages: [{ role: 'user', content: 'Tell me about otters' }] };
    const first = (await simulator.binding.run(llama, inputs)) as LegacyResult;
    const second = (await simulator.binding.run(llama, inputs)) as LegacyResult;
    expect(first).toEqual(second);
    expect(first.response).toBe(`Simulated reply 1 from ${llama}: Tell me about otters lorem ipsum dolor`);
    expect(first.usage).toEqual({ prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 });
    expect(first.tool_calls).toEqual([]);
  });

  it('honours [[tokens=N]] and caps at max_tokens', async () => {
    const simulator = createSimulator();
    const exact = (await simulator.binding.run(llama, { prompt: 'go [[tokens=40]]' })) as LegacyResult;
    expect(exact.usage.completion_tokens).toBe(40);
    expect(String(exact.response).split(' ')).toHaveLength(40);
    const capped = (await simulator.binding.run(llama, {
      prompt: 'go [[tokens=40]]',
      max_tokens: 5,
    })) as LegacyResult;
    expect(capped.usage.completion_tokens).toBe(5);
  });

  it('streams padded events, the usage event and [DONE]', async () => {
    const simulator = createSimulator();
    const stream = (await simulator.binding.run(llama, {
      prompt: 'hi [[tokens=3]]',
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const events = await readEventStream(stream);
    expect(events).toHaveLength(5);
    const tokens = events.slice(0, 3).map((event) => JSON.parse(event));
    for (const token of tokens) {
      expect(token).toMatchObject({ tool_calls: [] });
      expect(token.p).toMatch(/^[a-z0-9]+$/);
    }
    expect(tokens.map((token) => token.response).join('')).toBe('Simulated reply 1');
    expect(JSON.parse(events[3] ?? '')).toEqual({
      response: '',
      usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 },
    });
    expect(events[4]).toBe('[DONE]');
  });

  it('rejects stop, unknown fields, wrong types and out-of-range values with 5006', async () => {
    const simulator = createSimulator();
    await expect(simulator.binding.run(llama, { prompt: 'x', stop: ['a'] })).rejects.toThrow(
      "5006: Additional or unevaluated properties '/stop' at '/' not allowed",
    );
    await expect(simulator.binding.run(llama, { prompt: 'x', temperature: 'hot' })).rejects.toThrow(
      "5006: Type mismatch of '/temperature', 'string' not in 'number'",
    );
    await expect(simulator.binding.run(llama, { prompt: 'x', temperature: 5.5 })).rejects.toThrow(
      /^5006: .*temperature/,
    );
    await expect(simulator.binding.run(llama, {})).rejects.toThrow(/^5006: oneOf at '\/' not met/);
    await expect(
      simulator.binding.run(llama, {
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:,' } }] }],
      }),
    ).rejects.toThrow(/^5006: /);
  });

  it('answers 5021 (HTTP 413 over REST) when the prompt and max_tokens overflow the context window', async () => {
    const simulator = createSimulator();
    const model = '@cf/meta/llama-3.3-70b-instruct-fp8-fast';
    await expect(simulator.binding.run(model, { prompt: 'x'.repeat(96000) })).rejects.toThrow(
      '5021: Ai: The estimated number of input and maximum output tokens (24256) exceeded this model context window limit (24000).',
    );
    const response = await simulator.fetch(
      new Request(`https://api.cloudflare.com/client/v4/accounts/acc123/ai/run/${model}`, {
        method: 'POST',
        headers: { authorization: 'Bearer sim-token' },
        body: JSON.stringify({ prompt: 'x'.repeat(96000) }),
      }),
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { code: number; message: string }[] };
    expect(body.errors[0]?.code).toBe(5021);
    expect(body.errors[0]?.message).toMatch(/^AiError: Ai: The estimated number of input/);
  });

  it('accepts image parts on the vision model', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/meta/llama-3.2-11b-vision-instruct', {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'describe' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          ],
        },
      ],
    })) as LegacyResult;
    expect(result.response).toContain('describe');
  });

  it('puts <think> before the answer on reasoning models', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/qwen/qwq-32b', { prompt: 'why' })) as LegacyResult;
    expect(result.response).toMatch(
      /^<think>\nSimulated reasoning about reply 1.\n<\/think>\n\nSimulated reply/,
    );
  });

  it('answers JSON mode with a parsed object, not streamed even when asked to', async () => {
    const simulator = createSimulator();
    const response = await simulator.fetch(
      new Request(`https://api.cloudflare.com/client/v4/accounts/a/ai/run/${llama}`, {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: JSON.stringify({
          prompt: 'weather',
          stream: true,
          response_format: {
            type: 'json_schema',
            json_schema: {
              type: 'object',
              properties: {
                city: { type: 'string' },
                degrees: { type: 'number' },
                sunny: { type: 'boolean' },
              },
              required: ['city'],
            },
          },
        }),
      }),
    );
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { result: LegacyResult };
    expect(body.result.response).toEqual({ city: 'simulated city', degrees: 1.5, sunny: true });
  });

  it('calls a tool named in the last user message with its required arguments', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run(llama, {
      messages: [{ role: 'user', content: 'use get_weather for Paris' }],
      tools: [
        {
          name: 'get_weather',
          description: 'weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
            required: ['city'],
          },
        },
      ],
    })) as LegacyResult;
    expect(result.tool_calls).toEqual([{ name: 'get_weather', arguments: { city: 'simulated city' } }]);
  });
});
