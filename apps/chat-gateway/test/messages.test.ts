import Anthropic from '@anthropic-ai/sdk';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { beforeEach, describe, expect, it } from 'vitest';
import { callWorker, gatewayFetch, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator);
const fetchGateway = gatewayFetch(environment);

function anthropicClient(apiKey = 'test-key', env = environment): Anthropic {
  return new Anthropic({
    apiKey,
    baseURL: 'https://chat.test',
    maxRetries: 0,
    fetch: (url, init) => callWorker(new Request(url, init as RequestInit), env),
  });
}

const client = anthropicClient();

beforeEach(() => simulator.reset());

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather of a city',
  input_schema: {
    type: 'object' as const,
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
};

/** The named events of an Anthropic stream, in order. */
function eventNames(text: string): string[] {
  return [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1] ?? '');
}

describe('POST /v1/messages with @anthropic-ai/sdk', () => {
  it('answers a Claude model name with the strongest free model, as a Message', async () => {
    const message = await client.messages.create({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 200,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Say hello [[tokens=6]]' }],
    });
    expect(message.type).toBe('message');
    expect(message.id).toMatch(/^msg_/);
    expect(message.role).toBe('assistant');
    expect(message.model).toBe('@cf/openai/gpt-oss-120b');
    const text = message.content.find((block) => block.type === 'text');
    expect(text?.type === 'text' && text.text).toMatch(/^Simulated/);
    // gpt-oss reasons: its reasoning comes back as a thinking block, before the text.
    expect(message.content[0]?.type).toBe('thinking');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.stop_sequence).toBeNull();
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBe(6);
    const sent = simulator.calls[0]?.inputs as { messages: { role: string; content: unknown }[] };
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
    expect(sent).toMatchObject({ max_tokens: 200 });
  });

  it('maps Haiku names to the fast model and omits thinking blocks when thinking is disabled', async () => {
    const message = await client.messages.create({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 50,
      thinking: { type: 'disabled' },
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(message.model).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
    expect(message.content.map((block) => block.type)).toEqual(['text']);
  });

  it('streams text with the SDK and its final message matches the events', async () => {
    const stream = client.messages.stream({
      model: 'claude-haiku-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Say hello [[tokens=8]]' }],
    });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const final = await stream.finalMessage();
    expect(deltas.length).toBeGreaterThan(1);
    const text = final.content.find((block) => block.type === 'text');
    expect(text?.type === 'text' && text.text).toBe(deltas.join(''));
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBe(8);
    expect(final.usage.input_tokens).toBeGreaterThan(0);
  });

  it('sends the exact Anthropic event sequence with named event lines', async () => {
    const response = await fetchGateway('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'claude-haiku-4-5',
        max_tokens: 100,
        stream: true,
        messages: [{ role: 'user', content: 'Hi [[tokens=3]]' }],
      }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(eventNames(text)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(text).not.toContain('[DONE]');
  });

  it('round-trips a tool call: tool_use out, tool_result back as an OpenAI tool message', async () => {
    const first = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 200,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
    });
    expect(first.stop_reason).toBe('tool_use');
    const toolUse = first.content.find((block) => block.type === 'tool_use');
    expect(toolUse?.type).toBe('tool_use');
    if (toolUse?.type !== 'tool_use') return;
    expect(toolUse.name).toBe('get_weather');
    expect(toolUse.input).toEqual({ city: expect.any(String) });

    const second = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 200,
      tools: [weatherTool],
      tool_choice: { type: 'none' },
      messages: [
        { role: 'user', content: 'Use get_weather for Paris' },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: toolUse.id, content: '{"temperature":21}' },
            { type: 'text', text: 'And so?' },
          ],
        },
      ],
    });
    expect(second.stop_reason).toBe('end_turn');
    const sent = simulator.calls.at(-1)?.inputs as { messages: Record<string, unknown>[] };
    expect(sent.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          {
            id: toolUse.id,
            type: 'function',
            function: { name: 'get_weather', arguments: JSON.stringify(toolUse.input) },
          },
        ],
      },
      { role: 'tool', content: '{"temperature":21}', tool_call_id: toolUse.id, name: 'get_weather' },
      { role: 'user', content: 'And so?' },
    ]);
  });

  it('streams a tool call as a tool_use block with input_json_delta', async () => {
    const stream = client.messages.stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 300,
      tools: [weatherTool],
      tool_choice: { type: 'tool', name: 'get_weather' },
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    const final = await stream.finalMessage();
    expect(final.stop_reason).toBe('tool_use');
    const toolUse = final.content.find((block) => block.type === 'tool_use');
    expect(toolUse?.type === 'tool_use' && toolUse.input).toEqual({ city: expect.any(String) });
  });

  it('sends an image block to a vision model as an image part', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
    const message = await client.messages.create({
      model: '@cf/meta/llama-4-scout-17b-16e-instruct',
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
    });
    expect(message.content.some((block) => block.type === 'text')).toBe(true);
    const sent = simulator.calls[0]?.inputs as { messages: { content: unknown }[] };
    expect(sent.messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
      { type: 'text', text: 'What is this?' },
    ]);
  });

  it('maps thinking to a reasoning effort and streams thinking_delta blocks', async () => {
    const stream = client.messages.stream({
      model: 'claude-opus-4-1',
      max_tokens: 2000,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'Think first [[tokens=10]]' }],
    });
    const thoughts: string[] = [];
    stream.on('thinking', (delta) => thoughts.push(delta));
    const final = await stream.finalMessage();
    expect(thoughts.join('')).not.toBe('');
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(simulator.calls[0]?.inputs).toMatchObject({ reasoning_effort: 'low' });
  });

  it('reports stop_sequence with the sequence the text was cut at', async () => {
    const message = await client.messages.create({
      model: '@cf/meta/llama-3.1-8b-instruct-fast',
      max_tokens: 100,
      stop_sequences: ['reply'],
      messages: [{ role: 'user', content: 'Hi [[tokens=8]]' }],
    });
    expect(message.stop_reason).toBe('stop_sequence');
    expect(message.stop_sequence).toBe('reply');
  });

  it('fits a max_tokens larger than the model can give to its context window instead of refusing', async () => {
    // Streamed, as Claude Code sends it (the SDK refuses a non-streamed call this large).
    const message = await client.messages
      .stream({
        model: '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
        max_tokens: 32000,
        messages: [{ role: 'user', content: 'Hi [[tokens=4]]' }],
      })
      .finalMessage();
    expect(message.stop_reason).toBe('end_turn');
    const sent = simulator.calls[0]?.inputs as { max_tokens?: number } | undefined;
    expect(sent?.max_tokens).toBeGreaterThan(23_000);
    expect(sent?.max_tokens).toBeLessThan(24_000);
  });

  it('reports max_tokens when the answer hit the limit', async () => {
    const message = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 3,
      messages: [{ role: 'user', content: 'Talk [[tokens=20]]' }],
    });
    expect(message.stop_reason).toBe('max_tokens');
  });

  it("lists the chat models in Anthropic's shape for client.models.list()", async () => {
    const ids: string[] = [];
    for await (const entry of client.models.list()) {
      expect(entry.type).toBe('model');
      expect(Number.isNaN(Date.parse(entry.created_at))).toBe(false);
      ids.push(entry.id);
    }
    expect(ids).toContain('@cf/openai/gpt-oss-120b');
    expect(ids).not.toContain('@cf/baai/bge-base-en-v1.5');
  });

  it('counts tokens with countTokens', async () => {
    const small = await client.messages.countTokens({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    const large = await client.messages.countTokens({
      model: 'claude-sonnet-4-5',
      system: 'x'.repeat(4000),
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(small.input_tokens).toBeGreaterThan(0);
    expect(large.input_tokens).toBeGreaterThan(small.input_tokens + 900);
    expect(simulator.calls).toHaveLength(0);
  });
});

describe('replayed Claude Code requests', () => {
  // The shape Claude Code sends: ?beta=true, beta headers, a long cached system prompt, many
  // tools with JSON-Schema drafts, metadata.user_id, streaming with max_tokens 32000.
  const tools = Array.from({ length: 17 }, (_, index) => ({
    name: index === 0 ? 'Bash' : `mcp__server__tool_${index}`,
    description: `Tool ${index}. ${'Detailed usage notes. '.repeat(40)}`,
    input_schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: { command: { type: 'string', description: 'The command' }, timeout: { type: 'number' } },
      required: ['command'],
    },
  }));
  const request = (body: Record<string, unknown>) =>
    fetchGateway('/v1/messages?beta=true', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: '',
        'x-api-key': 'test-key',
        'anthropic-version': '2023-06-01',
        'anthropic-beta':
          'claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14',
        'anthropic-dangerous-direct-browser-access': 'true',
        'x-app': 'cli',
        'user-agent': 'claude-cli/2.0.14 (external, cli)',
      },
      body: JSON.stringify(body),
    });

  it('streams the main agent call with tools, and the session shares a prompt cache key', async () => {
    const response = await request({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 32000,
      temperature: 1,
      stream: true,
      metadata: { user_id: 'user_0f1e_account__session_2b7c' },
      system: [
        {
          type: 'text',
          text: "You are Claude Code, Anthropic's official CLI for Claude.",
          cache_control: { type: 'ephemeral' },
        },
        { type: 'text', text: 'Guidelines. '.repeat(2000), cache_control: { type: 'ephemeral' } },
      ],
      tools,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '<system-reminder>Context.</system-reminder>' },
            { type: 'text', text: 'Run Bash to list files', cache_control: { type: 'ephemeral' } },
          ],
        },
      ],
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const names = eventNames(text);
    expect(names[0]).toBe('message_start');
    expect(names.at(-1)).toBe('message_stop');
    expect(text).toContain('"type":"tool_use"');
    expect(text).toContain('"stop_reason":"tool_use"');
    const call = simulator.calls[0];
    expect(call?.model).toBe('@cf/openai/gpt-oss-120b');
    expect((call?.inputs as { tools?: unknown[] } | undefined)?.tools).toHaveLength(17);
    expect(call?.sessionAffinity).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers the small-model title call on the fast model', async () => {
    const response = await request({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 512,
      stream: true,
      system: [{ type: 'text', text: 'Summarize this coding conversation in under 50 characters.' }],
      messages: [{ role: 'user', content: 'Fix the failing test' }],
    });
    const text = await response.text();
    expect(eventNames(text).at(-1)).toBe('message_stop');
    expect(simulator.calls[0]?.model).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
  });
});

describe('Anthropic errors', () => {
  it('requires max_tokens, in the Anthropic envelope', async () => {
    const response = await fetchGateway('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('max_tokens');
  });

  it('refuses server tools, naming the field', async () => {
    const error = await client.messages
      .create({
        model: 'claude-sonnet-4-5',
        max_tokens: 10,
        tools: [{ type: 'web_search_20250305', name: 'web_search' }],
        messages: [{ role: 'user', content: 'Hi' }],
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as Error).message).toContain('tools[0].type');
  });

  it('answers a wrong key with authentication_error through x-api-key', async () => {
    const error = await anthropicClient('wrong-key')
      .messages.create({
        model: 'claude-sonnet-4-5',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'Hi' }],
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('answers unknown routes under /v1/messages in the Anthropic envelope', async () => {
    const response = await fetchGateway('/v1/messages/batches', { method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it('answers a Workers AI capacity error with 529 overloaded_error', async () => {
    simulator.injectFault({ kind: 'status', code: 3040, times: 10 });
    const error = await client.messages
      .create({
        model: '@cf/meta/llama-3.1-8b-instruct-fast',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'Hi' }],
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((error as Error).message).toContain('overloaded_error');
  });

  for (const [code, status, type] of [
    [429, 429, 'rate_limit_error'],
    [500, 502, 'api_error'],
    [4006, 429, 'rate_limit_error'],
  ] as const) {
    it(`answers an upstream ${code} before the stream starts with ${status} ${type}`, async () => {
      simulator.injectFault({ kind: 'status', code, times: 10 });
      const response = await fetchGateway('/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: '@cf/meta/llama-3.1-8b-instruct-fast',
          max_tokens: 100,
          stream: true,
          messages: [{ role: 'user', content: 'Hi' }],
        }),
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ type: 'error', error: { type } });
    });
  }

  for (const fault of [{ kind: 'truncate', afterEvents: 2 }, { kind: 'malformed' }] as const) {
    it(`ends the stream with an error event on an upstream ${fault.kind} fault`, async () => {
      simulator.injectFault({ ...fault, times: 1 });
      const response = await fetchGateway('/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: '@cf/meta/llama-3.1-8b-instruct-fast',
          max_tokens: 100,
          stream: true,
          messages: [{ role: 'user', content: 'Hi [[tokens=10]]' }],
        }),
      });
      const text = await response.text();
      const names = eventNames(text);
      expect(names[0]).toBe('message_start');
      expect(names.at(-1)).toBe('error');
      expect(names).not.toContain('message_stop');
      expect(text).toMatch(/"type":"error","error":\{"type":"api_error"/);
    });
  }

  it('throws the stream error in the SDK, never hangs', async () => {
    simulator.injectFault({ kind: 'truncate', afterEvents: 2, times: 1 });
    const stream = client.messages.stream({
      model: '@cf/meta/llama-3.1-8b-instruct-fast',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Hi [[tokens=10]]' }],
    });
    await expect(stream.finalMessage()).rejects.toThrow(
      /"type":"api_error","message":"The (connection to )?Workers AI/,
    );
  });
});
