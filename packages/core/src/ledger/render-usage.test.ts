import { describe, expect, it } from 'vitest';
import { renderUsage } from './render-usage';

describe('renderUsage', () => {
  it('renders GET /v1/usage: date, budget, used, remaining, reset time, per model and per route', async () => {
    const response = renderUsage({
      date: '2026-11-30',
      budget: 10_000,
      used: 12.3456789012,
      remaining: 9987.6543210988,
      exhausted: false,
      reset_at: '2026-12-01T00:00:00.000Z',
      models: { '@cf/meta/llama-3.1-8b-instruct-fast': 12.3456789012 },
      routes: { 'chat.completions': 12.3456789012 },
      scope: 'durable-object',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      object: 'neuron_usage',
      date: '2026-11-30',
      budget: 10_000,
      used: 12.345679,
      remaining: 9987.654321,
      exhausted: false,
      reset_at: '2026-12-01T00:00:00.000Z',
      scope: 'durable-object',
      models: { '@cf/meta/llama-3.1-8b-instruct-fast': 12.345679 },
      routes: { 'chat.completions': 12.345679 },
    });
  });

  it('says when BUDGET_DOWNGRADE_AT is in effect, and only with a budget', async () => {
    const usage = {
      date: '2026-11-30',
      budget: 1000,
      used: 800,
      remaining: 200,
      exhausted: false,
      reset_at: '2026-12-01T00:00:00.000Z',
      models: {},
      routes: {},
      scope: 'durable-object' as const,
    };
    const active = (await renderUsage(usage, { downgradeAt: 0.75 }).json()) as Record<string, unknown>;
    expect(active.budget_downgrade).toEqual({ at: 0.75, threshold: 750, active: true });
    const below = (await renderUsage(usage, { downgradeAt: 0.9 }).json()) as Record<string, unknown>;
    expect(below.budget_downgrade).toEqual({ at: 0.9, threshold: 900, active: false });
    const off = (await renderUsage({ ...usage, budget: 0 }, { downgradeAt: 0.9 }).json()) as Record<
      string,
      unknown
    >;
    expect(off).not.toHaveProperty('budget_downgrade');
  });
});
