import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error';
import { formatDeeplLanguage } from './format-deepl-language';
import { listDeeplLanguages } from './list-deepl-languages';
import { M2M100_LANGUAGES } from './m2m100-languages';
import { mapDeeplLanguage } from './map-deepl-language';
import { resolveDeeplLanguage } from './resolve-deepl-language';

describe('mapDeeplLanguage', () => {
  it.each([
    ['EN-US', 'en', false],
    ['en-gb', 'en', false],
    ['PT-BR', 'pt', false],
    ['pt-pt', 'pt', false],
    ['ES-419', 'es', false],
    ['ZH', 'zh', false],
    ['ZH-HANS', 'zh', false],
    ['zh-Hant', 'zh', true],
    ['ZH-HANT', 'zh', true],
    ['zh-CN', 'zh', false],
    ['zh-TW', 'zh', true],
    ['zh_HK', 'zh', true],
    ['zh-Hans-TW', 'zh', false],
    ['NB', 'no', false],
    ['jw', 'jv', false],
    ['fil', 'tl', false],
    ['iw', 'he', false],
    ['de', 'de', false],
    [' ja ', 'ja', false],
    ['ceb', 'ceb', false],
  ])('maps %s to %s', (code, model, traditional) => {
    expect(mapDeeplLanguage(code)).toEqual({ model, traditional });
  });

  it('knows no language m2m100 lacks', () => {
    expect(mapDeeplLanguage('XX')).toBeUndefined();
    expect(mapDeeplLanguage('tlh')).toBeUndefined();
    expect(mapDeeplLanguage('')).toBeUndefined();
  });

  it('throws a 400 naming the code and the field', () => {
    try {
      resolveDeeplLanguage('KLINGON', 'target_lang');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ status: 400, param: 'target_lang', code: 'unsupported_language' });
      expect((error as Error).message).toContain("'KLINGON'");
    }
  });
});

describe('formatDeeplLanguage and listDeeplLanguages', () => {
  it('renders DeepL codes, never an empty one', () => {
    expect(formatDeeplLanguage('en')).toBe('EN');
    expect(formatDeeplLanguage('no')).toBe('NB');
    expect(formatDeeplLanguage('')).toBe('EN');
  });

  it('lists every m2m100 language once as a source, and DeepL variants as targets', () => {
    const sources = listDeeplLanguages('source');
    expect(sources).toHaveLength(M2M100_LANGUAGES.length);
    expect(sources.every((entry) => entry.name.length > 0 && !('supports_formality' in entry))).toBe(true);
    expect(sources).toContainEqual({ language: 'NB', name: 'Norwegian (Bokmål)' });
    const targets = listDeeplLanguages('target').map((entry) => entry.language);
    expect(targets).toEqual(
      expect.arrayContaining(['EN-GB', 'EN-US', 'PT-BR', 'PT-PT', 'ZH', 'ZH-HANS', 'ZH-HANT']),
    );
    expect(targets).not.toContain('EN');
    // Every listed target maps back to a language m2m100 translates.
    expect(targets.every((code) => mapDeeplLanguage(code) !== undefined)).toBe(true);
  });
});
