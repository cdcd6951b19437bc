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
});
