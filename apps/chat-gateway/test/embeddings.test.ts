import { callWorkerAndRead, sharedLedger } from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../src/index';
import { gatewayFetch, openAiClient, testEnv } from './helpers';

const simulator = createSimulator();
const environment = testEnv(simulator);
const client = openAiClient(environment);
const fetchGateway = gatewayFetch(environment);

beforeEach(() => simulator.reset());

describe('POST /v1/embeddings', () => {
  it("decodes the SDK's default base64 encoding to the same vectors as float", async () => {
    const base64 = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello world' });
    const float = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'hello world',
      encoding_format: 'float',
    });
    expect(simulator.calls).toHaveLength(2);
    const fromBase64 = base64.data[0]?.embedding ?? [];
    const fromFloat = float.data[0]?.embedding ?? [];
    expect(fromBase64).toHaveLength(768);
    expect(fromFloat).toHaveLength(768);
    expect(fromBase64).toEqual(fromFloat.map(Math.fround));
    expect(Math.hypot(...fromFloat)).toBeCloseTo(1, 5);
    // The simulator reports no usage: the gateway estimates 4 characters a token.
    expect(float.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
  });

  it('sends base64 on the wire when asked', async () => {
    const response = await fetchGateway('/v1/embeddings', {
      method: 'POST',
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x', encoding_format: 'base64' }),
    });
    const body = (await response.json()) as { data: { embedding: unknown }[] };
    expect(typeof body.data[0]?.embedding).toBe('string');
    expect(atob(body.data[0]?.embedding as string)).toHaveLength(768 * 4);
  });

  it('embeds 250 inputs in batches of 100, keeping their order', async () => {
    const inputs = Array.from({ length: 250 }, (_, index) => `text number ${index}`);
    const all = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: inputs,
      encoding_format: 'float',
    });
    expect(simulator.calls.map((call) => (call.inputs as { text: string[] }).text.length)).toEqual([
      100, 100, 50,
    ]);
    expect(all.data.map((item) => item.index)).toEqual(inputs.map((_, index) => index));
    const single = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: inputs[217] ?? '',
      encoding_format: 'float',
    });
    expect(all.data[217]?.embedding).toEqual(single.data[0]?.embedding);
  });

  it('accepts dimensions equal to the native size and refuses others', async () => {
    const same = await client.embeddings.create({
      model: 'text-embedding-3-large',
      input: 'x',
      dimensions: 1024,
    });
    expect(same.data[0]?.embedding).toHaveLength(1024);
    const error = await client.embeddings
      .create({ model: 'text-embedding-3-small', input: 'x', dimensions: 256 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'dimensions' });
  });

  it('refuses token-ID inputs and empty inputs with a 400 naming input', async () => {
    for (const input of [[1, 2, 3], [[1, 2]], [], '', ['ok', '']]) {
      const response = await fetchGateway('/v1/embeddings', {
        method: 'POST',
        body: JSON.stringify({ model: 'text-embedding-3-small', input }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { param: string } };
      expect(body.error.param).toMatch(/^input/);
    }
  });

  it('refuses a chat model on the embeddings route', async () => {
    const error = await client.embeddings
      .create({ model: 'gpt-4o-mini', input: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'model' });
  });
});

describe('POST /v1/embeddings with several batches', () => {
  const used = async () => (await sharedLedger().usage({ now: Date.now() })).used;
  const embed = (inputs: string[]) =>
    callWorkerAndRead(
      worker,
      new Request('https://chat.test/v1/embeddings', {
        method: 'POST',
        headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ model: '@cf/baai/bge-base-en-v1.5', input: inputs, encoding_format: 'float' }),
      }),
      environment,
    );

  it('charges the batches that succeeded when another one fails', async () => {
    const inputs = Array.from({ length: 250 }, (_, index) => `text number ${index} to embed`);
    const before = await used();
    // The first call made (the first batch of 100) fails; the other two (150 texts) are answered.
    simulator.injectFault({ kind: 'status', code: 5006, times: 1 });
    const failed = await embed(inputs);
    expect(failed.response.status).toBe(400);
    expect(simulator.calls.length).toBe(3);
    const afterFailure = await used();
    expect(afterFailure).toBeGreaterThan(before);
    // Those 150 texts alone cost what the failed request was charged.
    const succeeded = await embed(inputs.slice(100));
    expect(succeeded.response.status).toBe(200);
    expect(afterFailure - before).toBeCloseTo((await used()) - afterFailure, 6);
  });
});
