import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import OpenAI from 'openai';
import { beforeEach, describe, expect, it } from 'vitest';
import { callWorker, testEnv } from './helpers';

// Issue 18: an over-long prompt is the client's error (400 context_length_exceeded, as OpenAI
// answers it), not a server failure: the SDK, at its default of two retries, must not send the
// same oversized request again.

const simulator = createSimulator();
const environment = testEnv(simulator);
// The SDK as a user has it: default maxRetries (2), default backoff.
const client = new OpenAI({
  apiKey: 'test-key',
  baseURL: 'https://chat.test/v1',
  fetch: (url, init) => callWorker(new Request(url, init as RequestInit), environment),
});

beforeEach(() => simulator.reset());

const cases = [
  ['a legacy model', '@cf/meta/llama-3.3-70b-instruct-fp8-fast', 120_000],
  ['an OpenAI-schema model', '@cf/openai/gpt-oss-120b', 600_000],
] as const;

describe('a prompt longer than the model takes', () => {
  it.each(cases)('is a 400 context_length_exceeded on %s, sent upstream once', async (_, model, length) => {
    const error = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'x'.repeat(length) }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'context_length_exceeded',
      type: 'invalid_request_error',
    });
    expect((error as Error).message).toMatch(
      /maximum context length is \d+ tokens\. However, you requested \d+ tokens/,
    );
    expect(simulator.calls).toHaveLength(1);
  });

  it.each(cases)(
    'answers a stream request on %s with the same HTTP 400 before any event',
    async (_, model, length) => {
      const error = await client.chat.completions
        .create({ model, stream: true, messages: [{ role: 'user', content: 'x'.repeat(length) }] })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded' });
      expect(simulator.calls).toHaveLength(1);
    },
  );

  it('is a 400 on the legacy completions route too', async () => {
    const error = await client.completions
      .create({ model: '@cf/meta/llama-3.3-70b-instruct-fp8-fast', prompt: 'x'.repeat(120_000) })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded' });
    expect(simulator.calls).toHaveLength(1);
  });
});
