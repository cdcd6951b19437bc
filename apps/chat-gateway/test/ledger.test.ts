import { createExecutionContext } from 'cloudflare:test';
import { estimateNeurons } from '@workers-ai-gateways/core';
import {
  callWorkerAndRead,
  sharedLedger,
  type UsageBody,
  useLedgerTestDay,
} from '@workers-ai-gateways/core/testing';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import OpenAI from 'openai';
import { describe, expect, it, vi } from 'vitest';
import worker from '../src/index';
import { gatewayFetch, openAiClient, sineWav, testEnv } from './helpers';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';
const EMBEDDING_MODEL = '@cf/baai/bge-base-en-v1.5';
// 500 requests are quick alone but can take seconds on a loaded machine running every test file.
const CONCURRENCY_TIMEOUT_MS = 60_000;

interface OpenAiErrorBody {
  error: { message: string; type: string; code: string };
}

/** The gateway's default ledger, read directly: unrounded, unlike `GET /v1/usage`. */
async function ledgerUsed(now: number): Promise<number> {
  return (await sharedLedger().usage({ now })).used;
}

/** Calls the worker and reads the whole body before waiting for its background work (streams charge at the end). */
async function callAndRead(
  environment: Record<string, unknown>,
  path: string,
  init: RequestInit = {},
): Promise<{ response: Response; text: string }> {
  const headers = new Headers(init.headers);
  headers.set('authorization', 'Bearer test-key');
  return callWorkerAndRead(
    worker,
    new Request(`https://chat.test${path}`, { ...init, headers }),
    environment,
  );
}

function chatBody(content: string, extra: Record<string, unknown> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content }], ...extra }),
  };
}

async function usageOf(environment: Record<string, unknown>): Promise<UsageBody> {
  const response = await gatewayFetch(environment)('/v1/usage');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as UsageBody;
}

useLedgerTestDay();

describe('the neuron ledger in chat-gateway', () => {
  it('refuses every Workers AI route with 429 insufficient_quota, before calling it, once the budget is spent', async () => {
    vi.setSystemTime(new Date('2031-05-01T18:00:00Z'));
    const simulator = createSimulator();
    // Today's first request spends past a budget of 0.001 (it fits the 1,000 it was admitted under).
    const first = await gatewayFetch(testEnv(simulator, { DAILY_NEURON_BUDGET: '1000' }))(
      '/v1/chat/completions',
      chatBody('Tell me a story [[tokens=100]]'),
    );
    expect(first.status).toBe(200);
    expect(simulator.calls).toHaveLength(1);
    const environment = testEnv(simulator, { DAILY_NEURON_BUDGET: '0.001' });
    const fetchGateway = gatewayFetch(environment);

    // The official SDK sees a RateLimitError it does not retry blindly: OpenAI's own quota error.
    const client = openAiClient(environment);
    const refusal = await client.chat.completions
      .create({ model: MODEL, messages: [{ role: 'user', content: 'again' }] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refusal).toMatchObject({ status: 429, code: 'insufficient_quota', type: 'insufficient_quota' });

    const form = new FormData();
    form.set('file', new File([sineWav(1) as Uint8Array<ArrayBuffer>], 'tone.wav', { type: 'audio/wav' }));
    form.set('model', 'whisper-1');
    const json = (body: unknown): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const attempts: [string, RequestInit][] = [
      ['/v1/chat/completions', chatBody('streamed', { stream: true })],
      ['/v1/completions', json({ model: MODEL, prompt: 'Once upon a time' })],
      ['/v1/embeddings', json({ model: 'text-embedding-3-small', input: 'hello' })],
      ['/v1/audio/speech', json({ model: 'tts-1', input: 'hello', voice: 'alloy' })],
      ['/v1/audio/transcriptions', { method: 'POST', body: form }],
    ];
    for (const [path, init] of attempts) {
      const response = await fetchGateway(path, init);
      expect(response.status, path).toBe(429);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('retry-after')).toBe(String(6 * 3600));
      const body = (await response.json()) as OpenAiErrorBody;
      expect(body.error).toMatchObject({ code: 'insufficient_quota', type: 'insufficient_quota' });
      expect(body.error.message).toMatch(/^Today's neuron budget is used up \([\d.]+ of 0\.001 neurons\)/);
      expect(body.error.message).toContain('resets at 2031-05-02T00:00:00.000Z');
    }
    // Not one of the refused requests reached Workers AI.
    expect(simulator.calls).toHaveLength(1);

    // The next UTC day starts with a fresh budget (one a request's worst case fits in).
    vi.setSystemTime(new Date('2031-05-02T00:00:01Z'));
    const nextDay = gatewayFetch(testEnv(simulator, { DAILY_NEURON_BUDGET: '1000' }));
    expect((await nextDay('/v1/chat/completions', chatBody('Hello'))).status).toBe(200);
    expect(simulator.calls).toHaveLength(2);
  });

  it('marks the day exhausted when Workers AI answers 4006, then refuses without calling it', async () => {
    vi.setSystemTime(new Date('2031-05-07T09:00:00Z'));
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 4006, times: 1 });
    const environment = testEnv(simulator, { DAILY_NEURON_BUDGET: '10000' });
    const fetchGateway = gatewayFetch(environment);

    const upstreamRefusal = await fetchGateway('/v1/chat/completions', chatBody('Hello'));
    expect(upstreamRefusal.status).toBe(429);
    expect(((await upstreamRefusal.json()) as OpenAiErrorBody).error.code).toBe('insufficient_quota');
    expect(simulator.calls).toHaveLength(1);

    const refused = await fetchGateway('/v1/embeddings', {
      method: 'POST',
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'hello' }),
    });
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as OpenAiErrorBody;
    expect(body.error.code).toBe('insufficient_quota');
    expect(body.error.message).toContain("Workers AI reports today's free neuron allocation used up");
    expect(body.error.message).toContain('resets at 2031-05-08T00:00:00.000Z');
    expect(refused.headers.get('retry-after')).toBe(String(15 * 3600));
    expect(simulator.calls).toHaveLength(1);

    expect(await usageOf(environment)).toMatchObject({
      date: '2031-05-07',
      budget: 10_000,
      used: 0,
      remaining: 0,
      exhausted: true,
    });
  });

  it('shows today on GET /v1/usage: budget, used, remaining, reset time, per model and per route, streams included', async () => {
    vi.setSystemTime(new Date('2031-05-03T12:00:00Z'));
    const simulator = createSimulator();
    const environment = testEnv(simulator, { DAILY_NEURON_BUDGET: '10000' });

    const plain = await callAndRead(environment, '/v1/chat/completions', chatBody('Hi [[tokens=30]]'));
    const plainUsage = (
      JSON.parse(plain.text) as { usage: { prompt_tokens: number; completion_tokens: number } }
    ).usage;
    const chatNeurons = estimateNeurons(MODEL, {
      inputTokens: plainUsage.prompt_tokens,
      outputTokens: plainUsage.completion_tokens,
    });

    // A stream is charged when it ends, after the response was returned: kept alive by waitUntil.
    const streamed = await callAndRead(
      environment,
      '/v1/chat/completions',
      chatBody('Hi [[tokens=12]]', { stream: true, stream_options: { include_usage: true } }),
    );
    const usageChunk = streamed.text
      .split('\n\n')
      .map((block) => block.replace(/^data: /, ''))
      .filter((data) => data.startsWith('{'))
      .map(
        (data) => JSON.parse(data) as { usage: { prompt_tokens: number; completion_tokens: number } | null },
      )
      .map((chunk) => chunk.usage)
      .find((usage) => usage !== null);
    expect(usageChunk).toBeDefined();
    const streamNeurons = estimateNeurons(MODEL, {
      inputTokens: usageChunk?.prompt_tokens ?? 0,
      outputTokens: usageChunk?.completion_tokens ?? 0,
    });

    const embedded = await callAndRead(environment, '/v1/embeddings', {
      method: 'POST',
      body: JSON.stringify({ model: 'text-embedding-3-small', input: ['hello there', 'general kenobi'] }),
    });
    const embeddingTokens = (JSON.parse(embedded.text) as { usage: { prompt_tokens: number } }).usage
      .prompt_tokens;
    const embeddingNeurons = estimateNeurons(EMBEDDING_MODEL, {
      inputTokens: embeddingTokens,
      outputTokens: 0,
    });

    const used = chatNeurons + streamNeurons + embeddingNeurons;
    const usage = await usageOf(environment);
    expect(usage).toMatchObject({
      object: 'neuron_usage',
      date: '2031-05-03',
      budget: 10_000,
      exhausted: false,
      reset_at: '2031-05-04T00:00:00.000Z',
      scope: 'durable-object',
    });
    expect(usage.used).toBeCloseTo(used, 5);
    expect(usage.remaining).toBeCloseTo(10_000 - used, 5);
    expect(Object.keys(usage.models).sort()).toEqual([EMBEDDING_MODEL, MODEL].sort());
    expect(usage.models[MODEL]).toBeCloseTo(chatNeurons + streamNeurons, 5);
    expect(usage.models[EMBEDDING_MODEL]).toBeCloseTo(embeddingNeurons, 5);
    expect(Object.keys(usage.routes).sort()).toEqual(['/v1/chat/completions', '/v1/embeddings']);
    expect(usage.routes['/v1/chat/completions']).toBeCloseTo(chatNeurons + streamNeurons, 5);

    // Usage is as private as the rest of the API.
    const anonymous = await worker.fetch(
      new Request('https://chat.test/v1/usage'),
      environment as never,
      createExecutionContext(),
    );
    expect(anonymous.status).toBe(401);
  });

  it('charges a stream the upstream cuts off for what it produced', async () => {
    vi.setSystemTime(new Date('2031-05-04T12:00:00Z'));
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'truncate', afterEvents: 3 });
    const environment = testEnv(simulator);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

    const { response, text } = await callAndRead(
      environment,
      '/v1/chat/completions',
      chatBody('Tell me more [[tokens=40]]', { stream: true }),
    );
    expect(response.status).toBe(200);
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const end = log.mock.calls
      .map((call) => JSON.parse(String(call[0])) as { event?: string; neurons?: number })
      .find((line) => line.event === 'stream_end');
    expect(end?.neurons).toBeGreaterThan(0);
    const used = await ledgerUsed(Date.now());
    expect(used).toBeGreaterThan(0);
    expect(used).toBeCloseTo(end?.neurons ?? 0, 4);
  });

  it('charges the choices that were answered when another of `n` fails', async () => {
    vi.setSystemTime(new Date('2031-05-08T12:00:00Z'));
    const simulator = createSimulator();
    const environment = testEnv(simulator);
    const single = await callAndRead(environment, '/v1/chat/completions', chatBody('Twice [[tokens=8]]'));
    const { usage } = JSON.parse(single.text) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const cost = estimateNeurons(MODEL, {
      inputTokens: usage.prompt_tokens,
      outputTokens: usage.completion_tokens,
    });
    expect(Math.abs((await ledgerUsed(Date.now())) - cost)).toBeLessThan(1e-9);

    simulator.injectFault({ kind: 'status', code: 5006, times: 1 });
    const failed = await callAndRead(
      environment,
      '/v1/chat/completions',
      chatBody('Twice [[tokens=8]]', { n: 2 }),
    );
    expect(failed.response.status).toBe(400);
    expect(simulator.calls).toHaveLength(3);
    expect(Math.abs((await ledgerUsed(Date.now())) - 2 * cost)).toBeLessThan(1e-9);
  });

  it(
    'stays exact under 500 concurrent requests: the ledger equals the sum of every response’s charge',
    async () => {
      vi.setSystemTime(new Date('2031-05-05T12:00:00Z'));
      const simulator = createSimulator();
      // The guard is on (far from the budget), so checks and charges interleave as in production.
      const environment = testEnv(simulator, { DAILY_NEURON_BUDGET: '10000' });
      const responses = await Promise.all(
        Array.from({ length: 500 }, (_, index) =>
          callAndRead(
            environment,
            '/v1/chat/completions',
            chatBody(`Request ${index} [[tokens=${1 + (index % 7)}]]`),
          ),
        ),
      );
      let expected = 0;
      for (const { response, text } of responses) {
        expect(response.status).toBe(200);
        const { usage } = JSON.parse(text) as { usage: { prompt_tokens: number; completion_tokens: number } };
        expected += estimateNeurons(MODEL, {
          inputTokens: usage.prompt_tokens,
          outputTokens: usage.completion_tokens,
        });
      }
      expect(simulator.calls).toHaveLength(500);
      // The simulator bills the same prices: what Workers AI would count is what the ledger counts.
      expect(Math.abs(simulator.neuronsUsed() - expected)).toBeLessThan(1e-6);
      expect(Math.abs((await ledgerUsed(Date.now())) - expected)).toBeLessThan(1e-6);
      expect((await usageOf(environment)).routes['/v1/chat/completions']).toBeCloseTo(expected, 5);
    },
    CONCURRENCY_TIMEOUT_MS,
  );

  it('counts requests in flight: a burst is admitted only as far as their max_tokens fit the budget', async () => {
    vi.setSystemTime(new Date('2031-06-11T10:00:00Z'));
    const simulator = createSimulator();
    // Each answer takes a while, so all ten are in flight at once.
    simulator.injectFault({ kind: 'latency', ms: 200, times: 10 });
    const body = { model: MODEL, max_tokens: 2000, messages: [{ role: 'user', content: 'Hello' }] };
    const perRequest = estimateNeurons(MODEL, {
      inputTokens: Math.ceil(JSON.stringify(body.messages).length / 4),
      outputTokens: 2000,
    });
    // Room for three requests' worst case, not four.
    const environment = testEnv(simulator, { DAILY_NEURON_BUDGET: String(perRequest * 3.5) });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        callAndRead(environment, '/v1/chat/completions', { method: 'POST', body: JSON.stringify(body) }),
      ),
    );
    const statuses = responses.map(({ response }) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
    const refusal = JSON.parse(responses.find(({ response }) => response.status === 429)?.text ?? '{}');
    expect(refusal.error.code).toBe('insufficient_quota');
    expect(refusal.error.message).toContain('held by requests in flight');
    expect(simulator.calls).toHaveLength(3);
    // Settled at what was really spent: the holds are gone, the next request fits again.
    const next = await callAndRead(environment, '/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(next.response.status).toBe(200);
  });
});
