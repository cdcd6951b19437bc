import { describe, expect, it } from 'vitest';
import { createTestGateway, postJson } from './call-worker';

// This file exhausts the isolate's per-minute upstream allowance; it keeps to itself so other
// files' requests are not refused.
const gateway = createTestGateway();

describe('burst control against the 720 requests/minute upstream limit', () => {
  it('refuses the excess with 429 and Retry-After before calling Workers AI, in each envelope', async () => {
    const lines = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, index) => `${prefix} line number ${index} of the burst`).join('\n');
    // Immersive Translate fires many paragraphs at once: 700 distinct lines take 700 calls.
    const first = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: lines('Alpha', 700), target_lang: 'DE' }),
    );
    expect(first.status).toBe(200);
    expect(gateway.translations()).toHaveLength(700);

    const deeplx = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: lines('Beta', 30), target_lang: 'DE' }),
    );
    expect(deeplx.status).toBe(429);
    expect(Number(deeplx.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await deeplx.json()).toMatchObject({ code: 429 });

    const deepl = await gateway.call(
      '/v2/translate',
      postJson(
        { text: [lines('Gamma', 30)], target_lang: 'DE' },
        { authorization: 'DeepL-Auth-Key test-key' },
      ),
    );
    expect(deepl.status).toBe(429);
    expect(deepl.headers.get('retry-after')).not.toBeNull();
    expect(await deepl.json()).toEqual({ message: expect.stringContaining('720') });

    // Refused requests made no upstream call; what fits the window is still served.
    expect(gateway.translations()).toHaveLength(700);
    const small = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: lines('Delta', 5), target_lang: 'DE' }),
    );
    expect(small.status).toBe(200);
    // Repeated text is served from the cache and needs no allowance at all.
    const repeated = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: lines('Delta', 5), target_lang: 'DE' }),
    );
    expect(repeated.status).toBe(200);
    expect(gateway.translations()).toHaveLength(705);
  }, 60_000);
});
