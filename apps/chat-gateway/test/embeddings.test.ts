import { callWorkerAndRead, sharedLedger } from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('POST /v1/embeddings over REST (vectors kept as JSON text)', () => {
  const rest = {
    UPSTREAM_MODE: 'rest',
    CF_ACCOUNT_ID: 'acct',
    CF_API_TOKEN: 'tok',
    CF_API_BASE: 'http://sim.test/client/v4',
  };
  afterEach(() => vi.unstubAllGlobals());

  it('answers byte for byte what the binding mode answers, float and base64', async () => {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      simulator.fetch(new Request(input, init)),
    );
    const input = Array.from({ length: 150 }, (_, index) => `passage ${index}`);
    for (const encoding_format of ['float', 'base64']) {
      const body = JSON.stringify({ model: 'text-embedding-3-small', input, encoding_format });
      const binding = await gatewayFetch(environment)('/v1/embeddings', { method: 'POST', body });
      const overRest = await gatewayFetch(testEnv(simulator, rest))('/v1/embeddings', {
        method: 'POST',
        body,
      });
      expect(overRest.status).toBe(200);
      expect(overRest.headers.get('content-type')).toBe(binding.headers.get('content-type'));
      expect(await overRest.text()).toBe(await binding.text());
    }
    expect(simulator.calls.map((call) => call.via)).toEqual([
      ...['binding', 'binding', 'rest', 'rest'],
      ...['binding', 'binding', 'rest', 'rest'],
    ]);
  });

  it('prints numbers Workers AI writes otherwise (exponents, -0, integers) as JSON.stringify does', async () => {
    const odd = ['7e-05', '-1.2e-07', '-0', '-0.0', '1.0', '2', '0.00000012', '1E-3', '0.045166015625'];
    const first = `[${[...odd, ...Array.from({ length: 20 }, (_, index) => String((index + 1) / 64))].join(',')}]`;
    const second = `[${Array.from({ length: 29 }, (_, index) => String(-(index + 1) / 1024)).join(', ')}]`;
    const upstream = `{"result":{"shape":[2,29],"data":[${first},${second}],"pooling":"mean"},"success":true,"errors":[],"messages":[]}`;
    vi.stubGlobal(
      'fetch',
      async () => new Response(upstream, { headers: { 'content-type': 'application/json' } }),
    );
    const fetchOverRest = gatewayFetch(testEnv(simulator, rest));
    const request = (encoding_format: string) =>
      fetchOverRest('/v1/embeddings', {
        method: 'POST',
        body: JSON.stringify({ model: '@cf/baai/bge-small-en-v1.5', input: ['a', 'b'], encoding_format }),
      });
    const vectors = [JSON.parse(first) as number[], JSON.parse(second) as number[]];
    const float = await request('float');
    expect(await float.text()).toBe(
      JSON.stringify({
        object: 'list',
        data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        model: '@cf/baai/bge-small-en-v1.5',
        usage: { prompt_tokens: 2, total_tokens: 2 },
      }),
    );
    const base64 = (await (await request('base64')).json()) as { data: { embedding: string }[] };
    for (const [index, item] of base64.data.entries()) {
      const bytes = Uint8Array.from(atob(item.embedding), (character) => character.charCodeAt(0));
      const decoded = Array.from(new Float32Array(bytes.buffer));
      // -0 keeps its sign in the float32 bytes, as it did when every number was parsed.
      expect(decoded.map((value) => Object.is(value, -0))).toEqual(
        (vectors[index] ?? []).map((value) => Object.is(value, -0)),
      );
      expect(decoded).toEqual((vectors[index] ?? []).map(Math.fround));
    }
  });
});
