import { estimateNeurons } from '@workers-ai-gateways/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TRANSLATION_MODEL } from '../src/translation/translate-texts';
import { createTestGateway, postJson, unique } from './call-worker';

const gateway = createTestGateway();
const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };

interface DeeplTranslations {
  translations: Array<{ detected_source_language: string; text: string; billed_characters?: number }>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DeepL API v2', () => {
  it('detects a two-word German greeting sent to English and translates it (issue 16)', async () => {
    const response = await gateway.call(
      '/v2/translate',
      postJson({ text: ['Guten Morgen'], target_lang: 'EN-US' }, deeplAuth),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      translations: [{ detected_source_language: 'DE', text: '[en] Guten Morgen' }],
    });
  });

  it('lets short texts of a batch lean on the page around them', async () => {
    const texts = [
      unique('Dziękujemy za zakupy w naszym sklepie internetowym.'),
      'Parlament',
      unique('Zamówienie zostanie wysłane jutro rano.'),
    ];
    const response = await gateway.call(
      '/v2/translate',
      postJson({ text: texts, target_lang: 'EN-US' }, deeplAuth),
    );
    const body = (await response.json()) as DeeplTranslations;
    expect(body.translations.map((translation) => translation.detected_source_language)).toEqual([
      'PL',
      'PL',
      'PL',
    ]);
  });

  it('translates N JSON texts into N results in order, with a non-empty upper-case source each', async () => {
    const texts = [
      unique('Good evening, everyone, and welcome.'),
      'Hyvää iltaa kaikille, tervetuloa juhliin.',
      '12345',
      unique('Buenas noches a todos, bienvenidos.'),
    ];
    const response = await gateway.call(
      '/v2/translate',
      postJson(
        {
          text: texts,
          target_lang: 'en-gb',
          // Parameters the gateway does not act on must not fail the request.
          formality: 'prefer_more',
          split_sentences: 'nonewlines',
          preserve_formatting: true,
          context: 'A party invitation.',
          outline_detection: false,
          non_splitting_tags: ['x'],
        },
        deeplAuth,
      ),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as DeeplTranslations;
    expect(body.translations.map((translation) => translation.text)).toEqual([
      // Already English: returned as is, without a model call.
      texts[0],
      `[en] ${texts[1]}`,
      '12345',
      `[en] ${texts[3]}`,
    ]);
    // A text without letters takes the request's language: never an empty code, which deepl-node rejects.
    expect(body.translations.map((translation) => translation.detected_source_language)).toEqual([
      'EN',
      'FI',
      expect.stringMatching(/^[A-Z]{2,3}$/),
      'ES',
    ]);
    expect(body.translations[0]).not.toHaveProperty('billed_characters');
  });

  it('reads form-encoded bodies with repeated text and show_billed_characters', async () => {
    const form = new URLSearchParams();
    const first = unique('Erster Satz hier.');
    const second = unique('Zweiter Satz dort.');
    form.append('text', first);
    form.append('text', second);
    form.append('target_lang', 'FR');
    form.append('source_lang', 'de');
    form.append('show_billed_characters', '1');
    const response = await gateway.call('/v2/translate', { method: 'POST', headers: deeplAuth, body: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      translations: [
        { detected_source_language: 'DE', text: `[fr] ${first}`, billed_characters: first.length },
        { detected_source_language: 'DE', text: `[fr] ${second}`, billed_characters: second.length },
      ],
    });
  });

  it('accepts the key as ?token= and as Bearer too', async () => {
    const body = { text: [unique('Token forms')], target_lang: 'DE' };
    expect((await gateway.call('/v2/translate?token=test-key', postJson(body))).status).toBe(200);
    expect(
      (await gateway.call('/v2/translate', postJson(body, { authorization: 'Bearer test-key' }))).status,
    ).toBe(200);
  });

  it('reports usage: the characters the neuron budget buys, and what was translated today', async () => {
    // A UTC day of its own with the guard on: the ledger's storage lasts for the whole run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-02T12:00:00Z'));
    const budgeted = createTestGateway({ DAILY_NEURON_BUDGET: '10000' });
    const before = (await (await budgeted.call('/v2/usage', { headers: deeplAuth })).json()) as {
      character_count: number;
      character_limit: number;
    };
    // 10,000 neurons at m2m100's 31,050 + 31,050 neurons per million tokens, a token per character.
    expect(before).toEqual({
      character_count: 0,
      character_limit: Math.floor(10_000 / 0.0621),
      translation_engine: 'm2m100',
    });
    const text = unique('Count these characters.');
    await budgeted.call('/v2/translate', postJson({ text: [text], target_lang: 'DE' }, deeplAuth));
    const after = (await (await budgeted.call('/v2/usage', { headers: deeplAuth })).json()) as {
      character_count: number;
    };
    // The neurons spent, in characters of one token in and one out: the simulator's reply
    // ("[de] " + text) is 5 characters longer than the text.
    const spent = estimateNeurons(TRANSLATION_MODEL, {
      inputTokens: text.length,
      outputTokens: text.length + 5,
    });
    const perCharacter = estimateNeurons(TRANSLATION_MODEL, { inputTokens: 1, outputTokens: 1 });
    expect(after.character_count).toBe(Math.round(spent / perCharacter));
    expect(Math.abs(after.character_count - text.length - 2.5)).toBeLessThanOrEqual(0.5);
    vi.useRealTimers();
    const unlimited = createTestGateway({ DAILY_NEURON_BUDGET: '0' });
    expect(await (await unlimited.call('/v2/usage', { headers: deeplAuth })).json()).toMatchObject({
      character_limit: 1_000_000_000_000,
    });
  });

  it('lists source and target languages in DeepL shape, only those m2m100 has', async () => {
    const sources = (await (
      await gateway.call('/v2/languages?type=source', { headers: deeplAuth })
    ).json()) as Array<{
      language: string;
      name: string;
    }>;
    expect(sources).toHaveLength(100);
    expect(sources).toContainEqual({ language: 'DE', name: 'German' });
    expect(sources.map((language) => language.language)).not.toContain('EN-US');
    const targets = (await (
      await gateway.call('/v2/languages?type=target', { headers: deeplAuth })
    ).json()) as Array<{
      language: string;
      supports_formality: boolean;
    }>;
    const codes = targets.map((language) => language.language);
    expect(codes).toEqual(
      expect.arrayContaining(['EN-US', 'EN-GB', 'PT-BR', 'PT-PT', 'ZH-HANS', 'ZH-HANT', 'NB', 'JA']),
    );
    expect(codes).not.toContain('KLINGON');
    expect(targets.every((language) => language.supports_formality === false)).toBe(true);
  });
});
