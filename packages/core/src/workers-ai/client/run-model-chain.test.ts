import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error';
import { resolveModel } from '../catalog/resolve-model';
import { runModelChain } from './run-model-chain';

const chain = ['@cf/a/one', '@cf/b/two', '@cf/c/three'].map((model) => resolveModel(model));
const busy = () =>
  new GatewayError(503, 'upstream_overloaded', 'busy', { upstreamCode: 3040, retryAfter: 5 });

describe('runModelChain', () => {
  it('tries in order with rejectIfBusy while a model is left, and the usual retry on the last', async () => {
    const seen: unknown[] = [];
    const run = await runModelChain(chain, async (candidate, options) => {
      seen.push([candidate.model, options]);
      if (candidate.model !== '@cf/c/three') throw busy();
      return 'answer';
    });
    expect(seen).toEqual([
      ['@cf/a/one', { retry: 'connection', rejectIfBusy: true }],
      ['@cf/b/two', { retry: 'connection', rejectIfBusy: true }],
      ['@cf/c/three', {}],
    ]);
    expect(run).toMatchObject({ value: 'answer', used: { model: '@cf/c/three' }, reason: 'busy, then busy' });
    expect(run.attempts.map((attempt) => attempt.outcome)).toEqual(['busy', 'busy', 'ok']);
  });

  it("throws the first model's own client error at once", async () => {
    let calls = 0;
    const refused = new GatewayError(400, 'context_length_exceeded', 'too long');
    await expect(
      runModelChain(chain, async () => {
        calls += 1;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it("passes over a later model that refuses the request, and throws the first model's error when none answers", async () => {
    const first = busy();
    const models: string[] = [];
    await expect(
      runModelChain(chain, async (candidate) => {
        models.push(candidate.model);
        if (candidate.model === '@cf/a/one') throw first;
        throw new GatewayError(400, 'invalid_request_error', 'no tools here');
      }),
    ).rejects.toBe(first);
    expect(models).toEqual(['@cf/a/one', '@cf/b/two', '@cf/c/three']);
  });

  it('stops at an exhausted day wherever it happens', async () => {
    const models: string[] = [];
    await expect(
      runModelChain(chain, async (candidate) => {
        models.push(candidate.model);
        if (candidate.model === '@cf/a/one') throw busy();
        throw new GatewayError(429, 'insufficient_quota', 'spent');
      }),
    ).rejects.toMatchObject({ code: 'insufficient_quota' });
    expect(models).toEqual(['@cf/a/one', '@cf/b/two']);
  });

  it('waits out a Retry-After of at most two seconds once, and moves on past a longer one', async () => {
    const limited = (retryAfter: number) =>
      new GatewayError(429, 'rate_limit_exceeded', 'slow down', { retryAfter });
    let tries = 0;
    const started = Date.now();
    const short = await runModelChain(chain, async (candidate) => {
      tries += 1;
      if (tries === 1) throw limited(0.05);
      return candidate.model;
    });
    expect(short.value).toBe('@cf/a/one');
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    const long = await runModelChain(chain, async (candidate) => {
      if (candidate.model === '@cf/a/one') throw limited(10);
      return candidate.model;
    });
    expect(long).toMatchObject({ value: '@cf/b/two', reason: 'rate limited' });
  });
});
