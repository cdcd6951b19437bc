import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';
import { readEventStream } from './testing/read-event-stream';

type Completion = {
  object: string;
  model: string;
  choices: {
    message: Record<string, unknown>;
    text?: string;
    finish_reason: string;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; neurons: number };
};

const user = (content: string) => ({ messages: [{ role: 'user', content }] });

describe('OpenAI-schema text generation', () => {
  it('answers a chat.completion with reasoning and neurons in usage', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/zai-org/glm-4.7-flash', user('hello'))) as Completion;
    expect(result.object).toBe('chat.completion');
    expect(result.choices[0]?.message).toMatchObject({
      role: 'assistant',
      reasoning_content: 'Simulated reasoning about reply 1.',
      content: 'Simulated reply 1 from @cf/zai-org/glm-4.7-flash: hello lorem',
    });
    expect(result.choices[0]?.finish_reason).toBe('stop');
    expect(result.usage.completion_tokens).toBe(12);
    expect(result.usage.neurons).toBeGreaterThan(0);
  });

  it('gives gpt-oss `reasoning` and null content when max_tokens ends inside the reasoning', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/openai/gpt-oss-20b', {
      ...user('hi'),
      max_tokens: 3,
    })) as Completion;
    expect(result.choices[0]?.message).toMatchObject({
      content: null,
      reasoning: 'Simulated reasoning about',
    });
    expect(result.choices[0]?.finish_reason).toBe('length');
  });

  it('honours stop and answers text_completion for prompt input', async () => {
    const simulator = createSimulator();
    const stopped = (await simulator.binding.run('@cf/google/gemma-4-26b-a4b-it', {
      ...user('hi'),
      stop: ['from'],
    })) as Completion;
    expect(stopped.choices[0]?.message.content).toBe('Simulated reply 1 ');
    const completion = (await simulator.binding.run('@cf/google/gemma-4-26b-a4b-it', {
      prompt: 'x',
    })) as Completion;
    expect(completion.object).toBe('text_completion');
    expect(completion.choices[0]?.text).toContain('Simulated reply');
  });

  it('rejects unknown fields with 5006 and kimi with 5035', async () => {
    const simulator = createSimulator();
    await expect(
      simulator.binding.run('@cf/openai/gpt-oss-120b', { ...user('x'), frobnicate: true }),
    ).rejects.toThrow("5006: Additional or unevaluated properties '/frobnicate' at '/' not allowed");
    await expect(simulator.binding.run('@cf/moonshotai/kimi-k2.6', user('x'))).rejects.toThrow(/^5035: /);
  });

  it('calls a required tool with OpenAI-shaped tool_calls', async () => {
    const simulator = createSimulator();
    const result = (await simulator.binding.run('@cf/qwen/qwen3-30b-a3b-fp8', {
      ...user('hello'),
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup',
            parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
          },
        },
      ],
      tool_choice: 'required',
    })) as Completion;
    expect(result.choices[0]?.finish_reason).toBe('tool_calls');
    expect(result.choices[0]?.message.tool_calls).toEqual([
      expect.objectContaining({
        type: 'function',
        function: { name: 'lookup', arguments: '{"q":"simulated q"}' },
      }),
    ]);
  });

  it('streams chunks with padding, then the usage event and [DONE]', async () => {
    const simulator = createSimulator();
    const stream = (await simulator.binding.run('@cf/openai/gpt-oss-120b', {
      ...user('hi [[tokens=8]]'),
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const events = await readEventStream(stream);
    expect(events.at(-1)).toBe('[DONE]');
    const usage = JSON.parse(events.at(-2) ?? '');
    expect(usage).toMatchObject({ response: '', usage: { completion_tokens: 8 } });
    const chunks = events.slice(0, -2).map((event) => JSON.parse(event));
    for (const chunk of chunks) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect(typeof chunk.p).toBe('string');
    }
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    const text = chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('');
    expect(text).toBe('Simulated reply 1 from');
  });

  it('sends glm finish_reason only with the trailing usage event', async () => {
    const simulator = createSimulator();
    const stream = (await simulator.binding.run('@cf/zai-org/glm-4.7-flash', {
      ...user('hi'),
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const events = await readEventStream(stream);
    const parsed = events.slice(0, -1).map((event) => JSON.parse(event));
    const last = parsed.at(-1);
    expect(last).toMatchObject({
      response: '',
      choices: [{ finish_reason: 'stop' }],
      usage: { completion_tokens: 12 },
    });
    expect(parsed.slice(0, -1).every((chunk) => chunk.choices[0].finish_reason === null)).toBe(true);
  });
});
