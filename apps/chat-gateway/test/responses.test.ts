import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { beforeEach, describe, expect, it } from 'vitest';
import { gatewayFetch, openAiClient, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator, { GATEWAY_KEYS: 'test-key,other-key' });
const client = openAiClient(environment);
const otherClient = openAiClient(environment, 'other-key');
const fetchGateway = gatewayFetch(environment);

beforeEach(() => simulator.reset());

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather of a city',
  strict: false,
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

/** The typed events of a Responses stream, parsed, in order. */
function streamEvents(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null') as Record<string, unknown>;
      return { event, data };
    });
}

function sentMessages(index = -1): Record<string, unknown>[] {
  return (
    ((simulator.calls.at(index)?.inputs ?? {}) as { messages?: Record<string, unknown>[] }).messages ?? []
  );
}

describe('POST /v1/responses with the openai SDK', () => {
  it('answers a plain input with a Response object', async () => {
    const response = await client.responses.create({
      model: 'gpt-4o-mini',
      instructions: 'Be brief.',
      input: 'Say hello [[tokens=5]]',
    });
    expect(response.id).toMatch(/^resp_/);
    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.model).toBe('@cf/meta/llama-3.1-8b-instruct-fast');
    expect(response.output_text).toMatch(/^Simulated reply/);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
    expect(response.usage?.output_tokens).toBe(5);
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + 5);
    expect(response.instructions).toBe('Be brief.');
    expect(sentMessages()).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Say hello [[tokens=5]]' },
    ]);
  });

  it('streams the typed event sequence with sequence numbers and no [DONE]', async () => {
    const response = await fetchGateway('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', input: 'Hi [[tokens=3]]', stream: true }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(text).not.toContain('[DONE]');
    const events = streamEvents(text);
    expect(events.map((entry) => entry.event)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((entry) => entry.data.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events.every((entry) => entry.data.type === entry.event)).toBe(true);
    const completed = events.at(-1)?.data.response as { status: string; usage: { output_tokens: number } };
    expect(completed.status).toBe('completed');
    expect(completed.usage.output_tokens).toBe(3);
  });

  it('streams with the SDK helper and its final response matches the deltas', async () => {
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'Tell me [[tokens=8]]' });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas).toHaveLength(8);
    const message = final.output.find((item) => item.type === 'message');
    const part = message?.type === 'message' ? message.content[0] : undefined;
    expect(part?.type === 'output_text' && part.text).toBe(deltas.join(''));
    expect(final.status).toBe('completed');
  });

  it('round-trips a function call through previous_response_id', async () => {
    const first = await client.responses.create({
      model: 'gpt-4o-mini',
      tools: [weatherTool],
      input: 'Use get_weather for Paris',
    });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed' });
    if (call?.type !== 'function_call') return;
    expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String) });

    const second = await client.responses.create({
      model: 'gpt-4o-mini',
      previous_response_id: first.id,
      tools: [weatherTool],
      tool_choice: 'none',
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '{"temperature":21}' }],
    });
    expect(second.status).toBe('completed');
    expect(second.previous_response_id).toBe(first.id);
    expect(sentMessages()).toEqual([
      { role: 'user', content: 'Use get_weather for Paris' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          {
            id: call.call_id,
            type: 'function',
            function: { name: 'get_weather', arguments: call.arguments },
          },
        ],
      },
      { role: 'tool', content: '{"temperature":21}', tool_call_id: call.call_id, name: 'get_weather' },
    ]);
  });

  it('round-trips a function call with the full input and store: false', async () => {
    const first = await client.responses.create({
      model: 'gpt-4o-mini',
      store: false,
      tools: [weatherTool],
      input: [{ role: 'user', content: 'Use get_weather for Rome' }],
    });
    const call = first.output.find((item) => item.type === 'function_call');
    if (call?.type !== 'function_call') throw new Error('no function call');
    const second = await client.responses.create({
      model: 'gpt-4o-mini',
      store: false,
      tools: [weatherTool],
      tool_choice: 'none',
      input: [
        { role: 'user', content: 'Use get_weather for Rome' },
        call,
        { type: 'function_call_output', call_id: call.call_id, output: 'sunny' },
      ],
    });
    expect(second.output_text).toMatch(/^Simulated reply/);
    expect(sentMessages().map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    // Nothing was stored.
    expect((await fetchGateway(`/v1/responses/${first.id}`)).status).toBe(404);
  });

  it('streams a function call as a function_call item with argument deltas', async () => {
    const stream = client.responses.stream({
      model: '@cf/openai/gpt-oss-120b',
      tools: [weatherTool],
      tool_choice: { type: 'function', name: 'get_weather' },
      input: 'Weather in Oslo?',
    });
    const final = await stream.finalResponse();
    const types = final.output.map((item) => item.type);
    expect(types.at(-1)).toBe('function_call');
    const call = final.output.at(-1);
    expect(call?.type === 'function_call' && JSON.parse(call.arguments)).toEqual({
      city: expect.any(String),
    });
  });

  it('returns reasoning items for a reasoning model and maps reasoning.effort', async () => {
    const response = await client.responses.create({
      model: '@cf/openai/gpt-oss-120b',
      reasoning: { effort: 'high' },
      input: 'Think [[tokens=10]]',
    });
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    const reasoning = response.output[0];
    expect(reasoning?.type === 'reasoning' && reasoning.summary[0]?.text).toMatch(/^Simulated reasoning/);
    expect(simulator.calls[0]?.inputs).toMatchObject({ reasoning_effort: 'high' });
  });

  it('sends input_image parts to a vision model', async () => {
    const image = 'data:image/png;base64,iVBORw0KGgo=';
    await client.responses.create({
      model: '@cf/meta/llama-4-scout-17b-16e-instruct',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'What is this?' },
            { type: 'input_image', image_url: image, detail: 'auto' },
          ],
        },
      ],
    });
    expect(sentMessages()[0]?.content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: image } },
    ]);
  });

  it('honours text.format json_schema and max_output_tokens', async () => {
    const response = await client.responses.create({
      model: '@cf/openai/gpt-oss-120b',
      max_output_tokens: 3,
      input: 'Long story [[tokens=50]]',
    });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details?.reason).toBe('max_output_tokens');

    const json = await client.responses.create({
      model: '@cf/openai/gpt-oss-120b',
      text: {
        format: {
          type: 'json_schema',
          name: 'city',
          schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        },
      },
      input: 'A city as JSON',
    });
    expect(JSON.parse(json.output_text)).toEqual({ name: expect.any(String) });
  });
});

describe('stored responses', () => {
  it('gets, lists input items and deletes a stored response', async () => {
    const created = await client.responses.create({
      model: 'gpt-4o-mini',
      input: [
        { role: 'developer', content: 'Rules.' },
        { role: 'user', content: 'Hello' },
      ],
    });
    const fetched = await client.responses.retrieve(created.id);
    expect(fetched.id).toBe(created.id);
    expect(fetched.output_text).toBe(created.output_text);

    const items = await client.responses.inputItems.list(created.id, { order: 'asc' });
    expect(items.data.map((item) => (item.type === 'message' ? item.role : item.type))).toEqual([
      'developer',
      'user',
    ]);
    expect(items.data.every((item) => typeof item.id === 'string')).toBe(true);

    const deleted = await fetchGateway(`/v1/responses/${created.id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id: created.id, object: 'response', deleted: true });
    expect((await fetchGateway(`/v1/responses/${created.id}`)).status).toBe(404);
  });

  it("keeps one key's responses from every other key", async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Secret' });
    const read = await otherClient.responses.retrieve(created.id).catch((error: unknown) => error);
    expect(read).toMatchObject({ status: 404 });
    const continued = await otherClient.responses
      .create({ model: 'gpt-4o-mini', previous_response_id: created.id, input: 'More' })
      .catch((error: unknown) => error);
    expect(continued).toMatchObject({ status: 404, param: 'previous_response_id' });
    expect(simulator.calls).toHaveLength(1);
  });

  it('forgets a response after RESPONSES_TTL_DAYS', async () => {
    // 0.00004 days is 3.456 s: long enough for the first retrieve on a loaded machine (0.86 s
    // was not, once), short enough to wait out.
    const shortLived = testEnv(simulator, { RESPONSES_TTL_DAYS: '0.00004' });
    const shortClient = openAiClient(shortLived);
    const started = Date.now();
    const created = await shortClient.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    expect((await shortClient.responses.retrieve(created.id)).id).toBe(created.id);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 3_700 - Date.now())));
    await expect(shortClient.responses.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('Responses errors', () => {
  it('refuses built-in tools, naming the field', async () => {
    const error = await client.responses
      .create({ model: 'gpt-4o-mini', input: 'Hi', tools: [{ type: 'web_search' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'tools[0].type' });
  });

  it('answers wrong types and unknown ids in the OpenAI envelope', async () => {
    const wrong = await fetchGateway('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', input: 42 }),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'input' } });
    const unknown = await fetchGateway('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', input: 'x', previous_response_id: 'resp_nope' }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { param: 'previous_response_id' } });
  });

  for (const fault of [{ kind: 'truncate', afterEvents: 2 }, { kind: 'malformed' }] as const) {
    it(`ends the stream with response.failed on an upstream ${fault.kind} fault`, async () => {
      simulator.injectFault({ ...fault, times: 1 });
      const response = await fetchGateway('/v1/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: '@cf/meta/llama-3.1-8b-instruct-fast',
          input: 'Hi [[tokens=10]]',
          stream: true,
        }),
      });
      const events = streamEvents(await response.text());
      expect(events[0]?.event).toBe('response.created');
      expect(events.at(-1)?.event).toBe('response.failed');
      expect(events.at(-1)?.data.response).toMatchObject({
        status: 'failed',
        error: { message: expect.any(String) },
      });
    });
  }

  it('answers a capacity error before the stream starts with 503 in the OpenAI envelope', async () => {
    simulator.injectFault({ kind: 'status', code: 3040, times: 10 });
    const response = await fetchGateway('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: '@cf/meta/llama-3.1-8b-instruct-fast', input: 'Hi', stream: true }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_overloaded' } });
  });
});

describe('replayed Codex CLI request', () => {
  it('streams a turn with long instructions, developer messages and many function tools', async () => {
    const tools = Array.from({ length: 12 }, (_, index) => ({
      type: 'function',
      name: index === 0 ? 'shell' : `tool_${index}`,
      description: `Runs a command. ${'Usage notes. '.repeat(50)}`,
      strict: false,
      parameters: {
        type: 'object',
        properties: { command: { type: 'array', items: { type: 'string' } }, workdir: { type: 'string' } },
        required: ['command'],
        additionalProperties: false,
      },
    }));
    const response = await fetchGateway('/v1/responses', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        session_id: '0199c1b2-5f6e-7a10-9c3d-1e2f3a4b5c6d',
        originator: 'codex_cli_rs',
        'openai-beta': 'responses=experimental',
      },
      body: JSON.stringify({
        model: 'gpt-4o',
        instructions: `You are Codex, based on GPT-5. ${'Guidance. '.repeat(1500)}`,
        input: [
          {
            type: 'message',
            role: 'developer',
            content: [{ type: 'input_text', text: '<permissions>workspace-write</permissions>' }],
          },
          {
            type: 'message',
            role: 'user',
            content: [{ type: 'input_text', text: '<environment_context>cwd</environment_context>' }],
          },
          {
            type: 'message',
            role: 'user',
            content: [{ type: 'input_text', text: 'Run shell to list the files' }],
          },
        ],
        tools,
        tool_choice: 'auto',
        parallel_tool_calls: false,
        reasoning: { effort: 'medium', summary: 'auto' },
        store: false,
        stream: true,
        include: ['reasoning.encrypted_content'],
        prompt_cache_key: '0199c1b2-5f6e-7a10-9c3d-1e2f3a4b5c6d',
      }),
    });
    expect(response.status).toBe(200);
    const events = streamEvents(await response.text());
    expect(events.at(-1)?.event).toBe('response.completed');
    const items = events
      .filter((entry) => entry.event === 'response.output_item.done')
      .map((entry) => entry.data.item);
    expect(items.at(-1)).toMatchObject({ type: 'function_call', name: 'shell' });
    const call = simulator.calls[0];
    expect(call?.model).toBe('@cf/openai/gpt-oss-120b');
    expect((call?.inputs as { tools?: unknown[] } | undefined)?.tools).toHaveLength(12);
    expect(call?.sessionAffinity).toMatch(/^[0-9a-f]{64}$/);
    expect(sentMessages(0).map((message) => message.role)).toEqual(['system', 'system', 'user', 'user']);
  });
});
