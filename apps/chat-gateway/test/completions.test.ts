import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { beforeEach, describe, expect, it } from 'vitest';
import { gatewayFetch, openAiClient, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator);
const client = openAiClient(environment);

beforeEach(() => simulator.reset());

describe('POST /v1/completions', () => {
  it('completes a string prompt with usage, sending it upstream as `prompt`', async () => {
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo',
      prompt: 'Once upon a time',
    });
    expect(completion.object).toBe('text_completion');
    expect(completion.choices[0]?.text).toMatch(
      /^Simulated reply 1 from @cf\/meta\/llama-3.1-8b-instruct-fast: Once/,
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.completion_tokens).toBe(12);
    expect(simulator.calls[0]?.inputs).toMatchObject({ prompt: 'Once upon a time' });
  });

  it('answers every prompt of an array, n times each, in order', async () => {
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo',
      prompt: ['alpha', 'beta'],
      n: 2,
    });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2, 3]);
    expect(completion.choices.map((choice) => choice.text.includes('alpha'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('streams text_completion chunks for both output families', async () => {
    for (const model of ['gpt-3.5-turbo', '@cf/openai/gpt-oss-20b']) {
      const stream = await client.completions.create({
        model,
        prompt: 'Count [[tokens=5]]',
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks.every((chunk) => chunk.object === 'text_completion')).toBe(true);
      const text = chunks.map((chunk) => chunk.choices[0]?.text ?? '').join('');
      expect(text).toMatch(/^Simulated reply 1/);
      expect(chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe('stop');
      expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
    }
  });

  it('refuses echo, suffix and token-ID prompts with a 400 naming the field', async () => {
    const fetchGateway = gatewayFetch(environment);
    for (const [body, param] of [
      [{ prompt: 'x', echo: true }, 'echo'],
      [{ prompt: 'x', suffix: 'tail' }, 'suffix'],
      [{ prompt: [1, 2, 3] }, 'prompt'],
      [{ prompt: '' }, 'prompt'],
    ] as const) {
      const response = await fetchGateway('/v1/completions', {
        method: 'POST',
        body: JSON.stringify({ model: 'gpt-3.5-turbo', ...body }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', param } });
    }
  });
});
