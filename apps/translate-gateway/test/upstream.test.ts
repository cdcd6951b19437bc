import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestGateway, postJson, unique } from './call-worker';

describe('upstream modes and the log line', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('works over the REST API as over the binding', async () => {
    const simulator = createSimulator();
    const gateway = createTestGateway(
      {
        UPSTREAM_MODE: 'rest',
        CF_ACCOUNT_ID: 'acct',
        CF_API_TOKEN: 'tok',
        CF_API_BASE: 'http://sim.test/client/v4',
      },
      simulator,
    );
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      simulator.fetch(new Request(input, init)),
    );
    const text = unique('Over the REST API.');
    const response = await gateway.call('/translate?token=test-key', postJson({ text, target_lang: 'SV' }));
    expect(await response.json()).toMatchObject({ code: 200, data: `[sv] ${text}`, source_lang: 'EN' });
    expect(simulator.calls.at(-1)).toMatchObject({ via: 'rest', model: '@cf/meta/m2m100-1.2b' });
  });

  it('logs the model and the neurons spent, never the key or the text', async () => {
    const gateway = createTestGateway();
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const text = unique('Secret sentence to translate.');
    await gateway.call('/translate?token=test-key', postJson({ text, target_lang: 'DE' }));
    spy.mockRestore();
    const line = JSON.parse(lines.at(-1) ?? '{}') as { model?: string; neurons?: number; route?: string };
    expect(line).toMatchObject({ route: '/translate', model: '@cf/meta/m2m100-1.2b' });
    // One token per character in and out at 31,050 neurons per million tokens each.
    const expected = ((text.length + `[de] ${text}`.length) * 31_050) / 1_000_000;
    expect(line.neurons).toBeCloseTo(expected, 6);
    expect(lines.join('\n')).not.toContain('test-key');
    expect(lines.join('\n')).not.toContain('Secret sentence');
  });

  it('runs at most six model calls at once', async () => {
    const simulator = createSimulator();
    let inFlight = 0;
    let highest = 0;
    const binding = {
      async run(model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>) {
        inFlight++;
        highest = Math.max(highest, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return await simulator.binding.run(model, inputs, options);
        } finally {
          inFlight--;
        }
      },
    };
    const gateway = createTestGateway({ AI: binding }, simulator);
    const text = Array.from({ length: 20 }, (_, index) => unique(`Paragraph ${index}`)).join('\n\n');
    const response = await gateway.call('/translate?token=test-key', postJson({ text, target_lang: 'DE' }));
    expect(response.status).toBe(200);
    expect(gateway.translations()).toHaveLength(20);
    expect(highest).toBe(6);
  });
});
