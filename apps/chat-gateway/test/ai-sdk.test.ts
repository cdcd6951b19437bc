import { createOpenAI } from '@ai-sdk/openai';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { beforeEach, describe, expect, it } from 'vitest';
import { callWorker, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator);

// The AI SDK's default OpenAI provider: `openai(model)` speaks the Responses API.
const openai = createOpenAI({
  baseURL: 'https://chat.test/v1',
  apiKey: 'test-key',
  fetch: (url, init) => callWorker(new Request(url, init as RequestInit), environment),
});

beforeEach(() => simulator.reset());

const weather = tool({
  description: 'Current weather of a city',
  inputSchema: jsonSchema<{ city: string }>({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

describe('the AI SDK (@ai-sdk/openai, default provider) against /v1/responses', () => {
  it('generateText answers a prompt', async () => {
    const result = await generateText({ model: openai('gpt-4o-mini'), prompt: 'Say hello [[tokens=6]]' });
    expect(result.text).toMatch(/^Simulated reply/);
    expect(result.usage.outputTokens).toBe(6);
    expect(simulator.calls).toHaveLength(1);
  });

  it('generateText runs a tool and answers with its result', async () => {
    const result = await generateText({
      model: openai('gpt-4o-mini'),
      tools: { get_weather: weather },
      stopWhen: stepCountIs(3),
      prompt: 'Use get_weather for Paris',
    });
    expect(result.steps.length).toBeGreaterThanOrEqual(2);
    expect(result.steps[0]?.toolCalls[0]?.toolName).toBe('get_weather');
    expect(result.steps[0]?.toolResults[0]?.output).toEqual({ city: expect.any(String), temperature: 21 });
    const last = simulator.calls.at(-1)?.inputs as { messages: { role: string; content: unknown }[] };
    const toolMessage = last.messages.find((message) => message.role === 'tool');
    expect(String(toolMessage?.content)).toContain('21');
  });

  it('streamText streams text deltas, and tool calls with their results', async () => {
    const text = streamText({ model: openai('gpt-4o-mini'), prompt: 'Tell me [[tokens=5]]' });
    const deltas: string[] = [];
    for await (const delta of text.textStream) deltas.push(delta);
    expect(deltas).toHaveLength(5);
    expect(await text.text).toBe(deltas.join(''));

    const withTool = streamText({
      model: openai('@cf/openai/gpt-oss-120b'),
      tools: { get_weather: weather },
      prompt: 'Use get_weather for Oslo',
    });
    const parts: string[] = [];
    for await (const part of withTool.fullStream) parts.push(part.type);
    expect(parts).toEqual(expect.arrayContaining(['tool-input-delta', 'tool-call', 'tool-result', 'finish']));
    expect(parts).not.toContain('error');
  });

  it("shows a reasoning model's reasoning as reasoning deltas", async () => {
    const result = streamText({
      model: openai('@cf/openai/gpt-oss-120b'),
      prompt: 'Think first [[tokens=10]]',
    });
    const reasoning: string[] = [];
    for await (const part of result.fullStream)
      if (part.type === 'reasoning-delta') reasoning.push(part.text);
    expect(reasoning.join('')).toMatch(/^Simulated reasoning/);
    expect(await result.text).toMatch(/Simulated reply/);
  });
});
