import {
  callWorkerAndRead,
  sharedLedger,
  type UsageBody,
  useLedgerTestDay,
} from '@workers-ai-gateways/core/testing';
import { createSimulator, type Simulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it, vi } from 'vitest';
import worker from '../src/index';
import { authorized, bindingEnv, rgbaPng } from './helpers';

const FLUX_SCHNELL = '@cf/black-forest-labs/flux-1-schnell';

interface OpenAiErrorBody {
  error: { message: string; type: string; code: string };
}

/** The gateway's default ledger, read directly: unrounded, unlike `GET /v1/usage`. */
async function ledgerUsed(): Promise<number> {
  return (await sharedLedger().usage({ now: Date.now() })).used;
}

/** Calls the worker and reads the whole body before waiting for its background work (streams charge at the end). */
async function send(
  workerEnv: object,
  path: string,
  init: RequestInit = {},
): Promise<{ response: Response; text: string }> {
  return callWorkerAndRead(
    worker,
    new Request(`https://image.test${path}`, {
      ...init,
      headers: { ...authorized, ...(init.headers as Record<string, string>) },
    }),
    workerEnv,
  );
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const generation = (extra: Record<string, unknown> = {}) =>
  json({ model: 'dall-e-3', prompt: 'a lighthouse at dusk', response_format: 'b64_json', ...extra });

const chat = (stream: boolean) =>
  json({ model: 'dall-e-3', stream, messages: [{ role: 'user', content: 'a lighthouse at dusk' }] });

async function edit(): Promise<RequestInit> {
  const form = new FormData();
  const png = await rgbaPng(64, 64, () => 255);
  form.set('image', new File([png as Uint8Array<ArrayBuffer>], 'photo.png', { type: 'image/png' }));
  form.set('prompt', 'make it night');
  return { method: 'POST', body: form };
}

function gatewayEnv(simulator: Simulator, budget: number | string) {
  return bindingEnv({ AI: simulator.binding, DAILY_NEURON_BUDGET: String(budget) });
}

function expectRefusal(
  { response, text }: { response: Response; text: string },
  message: RegExp | string,
): void {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = JSON.parse(text) as OpenAiErrorBody;
  expect(body.error).toMatchObject({ code: 'insufficient_quota', type: 'insufficient_quota' });
  if (typeof message === 'string') expect(body.error.message).toContain(message);
  else expect(body.error.message).toMatch(message);
}

/** What one flux-1-schnell image costs the ledger, measured on a day of its own with the guard off. */
async function costOfOneImage(): Promise<number> {
  vi.setSystemTime(new Date('2031-06-01T08:00:00Z'));
  const simulator = createSimulator();
  const { response } = await send(gatewayEnv(simulator, 0), '/v1/images/generations', generation());
  expect(response.status).toBe(200);
  const cost = await ledgerUsed();
  expect(cost).toBeGreaterThan(0);
  return cost;
}

useLedgerTestDay();

describe('the neuron ledger in image-gateway', () => {
  it('refuses generations, edits and chat (streamed too) with 429 before calling Workers AI once the budget is spent', async () => {
    const cost = await costOfOneImage();
    vi.setSystemTime(new Date('2031-06-02T18:00:00Z'));
    const simulator = createSimulator();
    // Exactly one image's worth: the first request may spend it all, none after it.
    const workerEnv = gatewayEnv(simulator, cost);
    expect((await send(workerEnv, '/v1/images/generations', generation())).response.status).toBe(200);
    expect(simulator.calls).toHaveLength(1);

    const spent =
      /^Today's neuron budget is used up \([\d.]+ of [\d.]+ neurons\); it resets at 2031-06-03T00:00:00.000Z/;
    expectRefusal(await send(workerEnv, '/v1/images/generations', generation()), spent);
    expectRefusal(await send(workerEnv, '/v1/images/edits', await edit()), spent);
    expectRefusal(await send(workerEnv, '/v1/chat/completions', chat(false)), spent);
    const streamed = await send(workerEnv, '/v1/chat/completions', chat(true));
    expect(streamed.response.headers.get('content-type')).not.toContain('event-stream');
    expectRefusal(streamed, spent);
    expect(simulator.calls).toHaveLength(1);
  });

  it('refuses a request whose images would cross the budget, in the stream’s place too', async () => {
    const cost = await costOfOneImage();
    vi.setSystemTime(new Date('2031-06-03T12:00:00Z'));
    const simulator = createSimulator();
    const workerEnv = gatewayEnv(simulator, cost * 3.5);
    // 3.5 images of budget: two fit; two more would overshoot, so they are refused up front.
    expect((await send(workerEnv, '/v1/images/generations', generation({ n: 2 }))).response.status).toBe(200);
    expect(simulator.calls).toHaveLength(2);
    const tooMany = await send(workerEnv, '/v1/images/generations', generation({ n: 2 }));
    expectRefusal(tooMany, /^This request would cost about [\d.]+ neurons, more than the [\d.]+ left/);
    const streamed = await send(
      workerEnv,
      '/v1/chat/completions',
      json({ model: 'dall-e-3', stream: true, n: 2, messages: [{ role: 'user', content: 'two owls' }] }),
    );
    expectRefusal(streamed, 'This request would cost about');
    expect(simulator.calls).toHaveLength(2);
    // One image still fits.
    expect((await send(workerEnv, '/v1/images/generations', generation())).response.status).toBe(200);
    expect(simulator.calls).toHaveLength(3);
  });

  it('marks the day exhausted when Workers AI answers 4006, then refuses without calling it', async () => {
    vi.setSystemTime(new Date('2031-06-04T22:00:00Z'));
    const simulator = createSimulator();
    simulator.injectFault({ kind: 'status', code: 4006, times: 1 });
    const workerEnv = gatewayEnv(simulator, 10_000);
    const upstreamRefusal = await send(workerEnv, '/v1/images/generations', generation());
    expect(upstreamRefusal.response.status).toBe(429);
    expect((JSON.parse(upstreamRefusal.text) as OpenAiErrorBody).error.code).toBe('insufficient_quota');
    expect(simulator.calls).toHaveLength(1);

    const refused = await send(workerEnv, '/v1/chat/completions', chat(true));
    expectRefusal(refused, "Workers AI reports today's free neuron allocation used up");
    expect(refused.response.headers.get('retry-after')).toBe(String(2 * 3600));
    expect(simulator.calls).toHaveLength(1);
    const usage = JSON.parse((await send(workerEnv, '/v1/usage')).text) as UsageBody;
    expect(usage).toMatchObject({ date: '2031-06-04', used: 0, remaining: 0, exhausted: true });
  });

  it('shows today on GET /v1/usage, charging only the images made, streamed chat included', async () => {
    const cost = await costOfOneImage();
    vi.setSystemTime(new Date('2031-06-05T06:00:00Z'));
    const simulator = createSimulator();
    const workerEnv = gatewayEnv(simulator, 10_000);
    // Two images asked, one call fails: the client gets one image and the ledger one image's cost.
    simulator.injectFault({ kind: 'status', code: 3007, times: 1 });
    const partial = await send(workerEnv, '/v1/images/generations', generation({ n: 2 }));
    expect(partial.response.status).toBe(200);
    expect((JSON.parse(partial.text) as { data: unknown[] }).data).toHaveLength(1);
    expect(await ledgerUsed()).toBeCloseTo(cost, 9);

    // A streamed chat's image is made after the response started: its charge is kept alive by waitUntil.
    const streamed = await send(workerEnv, '/v1/chat/completions', chat(true));
    expect(streamed.text).toContain('data: [DONE]');
    expect((await send(workerEnv, '/v1/chat/completions', chat(false))).response.status).toBe(200);

    const usage = JSON.parse((await send(workerEnv, '/v1/usage')).text) as UsageBody;
    expect(usage).toMatchObject({
      object: 'neuron_usage',
      date: '2031-06-05',
      budget: 10_000,
      exhausted: false,
      reset_at: '2031-06-06T00:00:00.000Z',
      scope: 'durable-object',
    });
    expect(usage.used).toBeCloseTo(3 * cost, 5);
    expect(usage.remaining).toBeCloseTo(10_000 - 3 * cost, 5);
    expect(Object.keys(usage.models)).toEqual([FLUX_SCHNELL]);
    expect(usage.routes['/v1/images/generations']).toBeCloseTo(cost, 5);
    expect(usage.routes['/v1/chat/completions']).toBeCloseTo(2 * cost, 5);
  });
});
