import { estimateNeurons } from '@workers-ai-gateways/core';
import { sharedLedger, type UsageBody, useLedgerTestDay } from '@workers-ai-gateways/core/testing';
import * as deepl from 'deepl-node';
import { describe, expect, it, vi } from 'vitest';
import { TRANSLATION_MODEL } from '../src/translation/translate-texts';
import { createTestGateway, postJson, type TestGateway, unique } from './call-worker';

const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };
const NEURONS_PER_CHARACTER = estimateNeurons(TRANSLATION_MODEL, { inputTokens: 1, outputTokens: 1 });

/** What m2m100 costs for `text`: the simulator answers "[xx] " + text, 5 characters longer. */
function translationCost(text: string): number {
  return estimateNeurons(TRANSLATION_MODEL, { inputTokens: text.length, outputTokens: text.length + 5 });
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function translateAll(gateway: TestGateway, text: string) {
  return {
    deeplx: () =>
      gateway.call('/translate?token=test-key', postJson({ text, source_lang: 'EN', target_lang: 'DE' })),
    deeplxPro: () =>
      gateway.call('/v1/translate?token=test-key', postJson({ text, source_lang: 'EN', target_lang: 'DE' })),
    deepl: () =>
      gateway.call(
        '/v2/translate',
        postJson({ text: [text], source_lang: 'EN', target_lang: 'DE' }, deeplAuth),
      ),
    imme: () =>
      gateway.call(
        '/imme?token=test-key',
        postJson({ source_lang: 'en', target_lang: 'de', text_list: [text] }),
      ),
  };
}

useLedgerTestDay();

describe('the neuron ledger in translate-gateway', () => {
  it('refuses in each protocol’s envelope (DeepL 456, DeepLX and Immersive 429) before calling Workers AI once the budget is spent', async () => {
    vi.setSystemTime(new Date('2031-08-01T21:30:00Z'));
    const gateway = createTestGateway({ DAILY_NEURON_BUDGET: '0.5' });
    const cached = unique('This sentence is translated once and then cached.');
    expect((await translateAll(gateway, cached).deeplx()).status).toBe(200);
    expect(gateway.translations()).toHaveLength(1);

    const fresh = translateAll(gateway, unique('A sentence the cache has never seen.'));
    const resets = 'resets at 2031-08-02T00:00:00.000Z';
    for (const send of [fresh.deeplx, fresh.deeplxPro, fresh.imme]) {
      const response = await send();
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe(String(2.5 * 3600));
      const body = await json<{ code: number; message: string }>(response);
      expect(body.code).toBe(429);
      expect(body.message).toContain("Today's neuron budget is used up");
      expect(body.message).toContain(resets);
    }
    const refused = await fresh.deepl();
    expect(refused.status).toBe(456);
    expect((await json<{ message: string }>(refused)).message).toContain(resets);

    // deepl-node turns the 456 into its QuotaExceededError.
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => gateway.fetch(input, init));
    const translator = new deepl.Translator('test-key', {
      serverUrl: 'https://translate.test',
      maxRetries: 0,
    });
    await expect(
      translator.translateText(unique('Yet another new sentence.'), 'en', 'de'),
    ).rejects.toBeInstanceOf(deepl.QuotaExceededError);
    expect((await translator.getUsage()).anyLimitReached()).toBe(true);
    vi.unstubAllGlobals();
    expect(gateway.translations()).toHaveLength(1);

    // Text the cache already holds, or that is already in the target language, needs no model.
    const again = await translateAll(gateway, cached).deepl();
    expect(again.status).toBe(200);
    expect((await json<{ translations: Array<{ text: string }> }>(again)).translations[0]?.text).toBe(
      `[de] ${cached}`,
    );
    const german = await gateway.call(
      '/v2/translate',
      postJson({ text: ['Guten Abend'], source_lang: 'DE', target_lang: 'DE' }, deeplAuth),
    );
    expect(german.status).toBe(200);
    expect(gateway.translations()).toHaveLength(1);
  });

  it('marks the day exhausted when Workers AI answers 4006, then refuses without calling it', async () => {
    vi.setSystemTime(new Date('2031-08-02T12:00:00Z'));
    const gateway = createTestGateway({ DAILY_NEURON_BUDGET: '10000' });
    gateway.simulator.injectFault({ kind: 'status', code: 4006, times: 1 });
    const upstreamRefusal = await translateAll(gateway, unique('The first request of the day.')).deeplx();
    expect(upstreamRefusal.status).toBe(429);
    expect(gateway.translations()).toHaveLength(1);

    const refused = await translateAll(gateway, unique('The second request of the day.')).deepl();
    expect(refused.status).toBe(456);
    expect((await json<{ message: string }>(refused)).message).toContain(
      "Workers AI reports today's free neuron allocation used up",
    );
    expect(gateway.translations()).toHaveLength(1);
    const usage = await json<{ character_count: number; character_limit: number }>(
      await gateway.call('/v2/usage', { headers: deeplAuth }),
    );
    expect(usage.character_count).toBe(usage.character_limit);
    expect(await json<UsageBody>(await gateway.call('/v1/usage?token=test-key'))).toMatchObject({
      date: '2031-08-02',
      used: 0,
      remaining: 0,
      exhausted: true,
    });
  });

  it('shows the same ledger on GET /v1/usage and GET /v2/usage, charges of a gateway sharing it included', async () => {
    vi.setSystemTime(new Date('2031-08-03T06:00:00Z'));
    const gateway = createTestGateway({ DAILY_NEURON_BUDGET: '10000' });
    const texts = [
      unique('One sentence for DeepLX.'),
      unique('Another one for the DeepL API.'),
      unique('And a third for Immersive Translate.'),
    ];
    expect((await translateAll(gateway, texts[0] ?? '').deeplx()).status).toBe(200);
    expect((await translateAll(gateway, texts[1] ?? '').deepl()).status).toBe(200);
    expect((await translateAll(gateway, texts[2] ?? '').imme()).status).toBe(200);
    const [deeplx = 0, deeplApi = 0, imme = 0] = texts.map(translationCost);

    const usage = await json<UsageBody>(
      await gateway.call('/v1/usage', { headers: { authorization: 'Bearer test-key' } }),
    );
    expect(usage).toMatchObject({
      object: 'neuron_usage',
      date: '2031-08-03',
      budget: 10_000,
      exhausted: false,
      reset_at: '2031-08-04T00:00:00.000Z',
      scope: 'durable-object',
    });
    expect(usage.used).toBeCloseTo(deeplx + deeplApi + imme, 6);
    expect(usage.remaining).toBeCloseTo(10_000 - usage.used, 6);
    expect(Object.keys(usage.models)).toEqual([TRANSLATION_MODEL]);
    expect(usage.routes['/translate']).toBeCloseTo(deeplx, 6);
    expect(usage.routes['/v2/translate']).toBeCloseTo(deeplApi, 6);
    expect(usage.routes['/imme']).toBeCloseTo(imme, 6);

    const deeplUsage = () =>
      gateway
        .call('/v2/usage', { headers: deeplAuth })
        .then((response) => json<{ character_count: number; character_limit: number }>(response));
    const before = await deeplUsage();
    expect(before.character_limit).toBe(Math.floor(10_000 / NEURONS_PER_CHARACTER));
    expect(before.character_count).toBe(Math.round((deeplx + deeplApi + imme) / NEURONS_PER_CHARACTER));

    // A chat gateway bound to the same ledger (wrangler `script_name`) spends 100 neurons.
    await sharedLedger().charge({
      route: '/v1/chat/completions',
      model: '@cf/meta/llama-3.1-8b-instruct-fast',
      neurons: 100,
      now: Date.now(),
    });
    const after = await deeplUsage();
    expect(after.character_count - before.character_count).toBeCloseTo(100 / NEURONS_PER_CHARACTER, -0.5);
    expect(after.character_limit).toBe(before.character_limit);
  });
});
