import * as deepl from 'deepl-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestGateway, unique } from './call-worker';

// deepl-node runs here, inside workerd, thanks to `nodejs_compat` (vitest.config.ts): its axios
// request ends in the global `fetch`, which the test points at the worker's own `fetch` handler.
// Nothing leaves the process.
const gateway = createTestGateway();

function translator(authKey = 'test-key'): deepl.Translator {
  return new deepl.Translator(authKey, { serverUrl: 'https://translate.test', maxRetries: 0 });
}

describe('deepl-node pointed at the gateway with serverUrl', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => gateway.fetch(input, init));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('translates one text with the source detected', async () => {
    const text = unique('The weather is much colder than we expected.');
    const result = await translator().translateText(text, null, 'de');
    expect(result.text).toBe(`[de] ${text}`);
    expect(result.detectedSourceLang).toBe('en');
    expect(result.billedCharacters).toBe(text.length);
  });

  it('translates with an explicit source into a regional variant', async () => {
    const text = unique('Bonjour tout le monde');
    const result = await translator().translateText(text, 'fr', 'en-US');
    expect(result.text).toBe(`[en] ${text}`);
    expect(result.detectedSourceLang).toBe('fr');
    expect(gateway.translations().at(-1)).toMatchObject({ source_lang: 'fr', target_lang: 'en' });
  });

  it('translates a batch in order, detecting each text on its own', async () => {
    const texts = [
      unique('Where is the nearest train station?'),
      unique('Wo ist der nächste Bahnhof?'),
      '会议已改到星期四下午。',
    ];
    const results = await translator().translateText(texts, null, 'fr');
    expect(results.map((result) => result.text)).toEqual(texts.map((text) => `[fr] ${text}`));
    expect(results.map((result) => result.detectedSourceLang)).toEqual(['en', 'de', 'zh']);
  });

  it('reads usage from the neuron ledger and the target languages', async () => {
    // A UTC day of its own with the guard on: the ledger's storage lasts for the whole run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-01T12:00:00Z'));
    const budgeted = createTestGateway({ DAILY_NEURON_BUDGET: '10000' });
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => budgeted.fetch(input, init));
    try {
      expect((await translator().getUsage()).character).toMatchObject({ count: 0, limit: 161030 });
      const text = unique('Count me in the ledger, please.');
      await translator().translateText(text, 'en', 'de');
      const usage = await translator().getUsage();
      expect(usage.character?.limit).toBe(161030);
      // A character is a token in and a token out; the simulator's reply is 5 characters longer.
      expect(Math.abs((usage.character?.count ?? 0) - text.length - 2.5)).toBeLessThanOrEqual(0.5);
      expect(usage.anyLimitReached()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    const targets = await translator().getTargetLanguages();
    const codes = targets.map((language) => language.code);
    expect(codes).toEqual(expect.arrayContaining(['en-US', 'en-GB', 'pt-BR', 'zh-HANT', 'de', 'ja', 'nb']));
    expect(codes).not.toContain('en');
    const sources = await translator().getSourceLanguages();
    expect(sources.map((language) => language.code)).toEqual(expect.arrayContaining(['en', 'zh', 'nb']));
    expect(sources).toHaveLength(100);
  });

  it('throws the errors deepl-node defines for a bad key and a spent budget', async () => {
    await expect(translator('wrong-key').translateText('Hello', null, 'de')).rejects.toBeInstanceOf(
      deepl.AuthorizationError,
    );
    gateway.simulator.injectFault({ kind: 'status', code: 4006 });
    await expect(translator().translateText(unique('Hello again'), null, 'de')).rejects.toBeInstanceOf(
      deepl.QuotaExceededError,
    );
  });
});
