import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSLATE_MODEL } from '../src/translation/choose-engine';
import { createTestGateway, postJson } from './call-worker';

// This file exhausts the isolate's per-minute allowance of text-generation calls; it keeps to
// itself so other files' requests are not refused.
const gateway = createTestGateway({ TRANSLATE_ENGINE: 'llm' });
const llmCalls = () =>
  gateway.simulator.calls.filter((call) => call.model === DEFAULT_TRANSLATE_MODEL).length;

describe('burst control of the LLM engine against 300 text-generation calls a minute', () => {
  it('refuses the excess with 429 and Retry-After before calling Workers AI', async () => {
    // 6,000 short lines (under the 128 Ki character limit) make 150 calls of 40 segments.
    const lines = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, index) => `${prefix} line ${index}`).join('\n');
    for (const prefix of ['Alpha', 'Beta']) {
      const response = await gateway.call(
        '/translate?token=test-key',
        postJson({ text: lines(prefix, 6000), source_lang: 'EN', target_lang: 'DE' }),
      );
      expect(response.status).toBe(200);
    }
    expect(llmCalls()).toBe(300);
    const refused = await gateway.call(
      '/v2/translate',
      postJson(
        { text: ['Gamma line one', 'Gamma line two'], source_lang: 'EN', target_lang: 'DE' },
        { authorization: 'DeepL-Auth-Key test-key' },
      ),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ message: expect.stringContaining('300') });
    expect(llmCalls()).toBe(300);
    // m2m100 has its own allowance.
    const m2m100 = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: 'Gamma line three', source_lang: 'EN', target_lang: 'DE', engine: 'm2m100' }),
    );
    expect(m2m100.status).toBe(200);
  }, 60_000);
});
