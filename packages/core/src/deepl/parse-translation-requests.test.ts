import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error';
import { parseDeeplTranslateRequest } from './parse-deepl-translate-request';
import { parseDeeplxRequest } from './parse-deeplx-request';
import { parseImmeRequest } from './parse-imme-request';

function failure(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('parseDeeplxRequest', () => {
  it('reads DeepLX fields; auto and empty sources mean detection', () => {
    expect(
      parseDeeplxRequest({ text: 'Hi', source_lang: 'auto', target_lang: 'zh-hant', tag_handling: 'HTML' }),
    ).toEqual({
      texts: ['Hi'],
      source: undefined,
      target: { model: 'zh', traditional: true },
      targetCode: 'zh-hant',
      tagHandling: 'html',
      ignoreTags: [],
      showBilledCharacters: false,
    });
    expect(parseDeeplxRequest({ text: ['a', 'b'], source_lang: '', target_lang: 'DE' }).texts).toEqual([
      'a',
      'b',
    ]);
    expect(parseDeeplxRequest({ text: 'a', source_lang: 'EN', target_lang: 'DE' }).source).toEqual({
      model: 'en',
      traditional: false,
    });
  });

  it("fails as DeepLX does: 404 for no text, 400 with DeepLX's tag_handling message", () => {
    expect(failure(() => parseDeeplxRequest({ text: '', target_lang: 'DE' }))).toMatchObject({
      status: 404,
      message: 'No text to translate',
    });
    expect(
      failure(() => parseDeeplxRequest({ text: 'a', target_lang: 'DE', tag_handling: 'md' })),
    ).toMatchObject({
      status: 400,
      message: "Invalid tag_handling value. Allowed values are 'html' and 'xml'.",
    });
    expect(failure(() => parseDeeplxRequest({ text: 'a' }))).toMatchObject({
      status: 400,
      param: 'target_lang',
    });
    expect(failure(() => parseDeeplxRequest({ text: 5, target_lang: 'DE' }))).toMatchObject({
      status: 400,
      param: 'text',
    });
    expect(
      failure(() => parseDeeplxRequest({ text: 'a', target_lang: 'DE', source_lang: 'xx' })),
    ).toMatchObject({
      status: 400,
      param: 'source_lang',
    });
  });
});

describe('parseDeeplTranslateRequest', () => {
  it('reads texts, flags and ignore_tags, and ignores parameters it does not act on', () => {
    const request = parseDeeplTranslateRequest({
      text: ['a', 'b'],
      target_lang: 'EN-US',
      show_billed_characters: '1',
      ignore_tags: 'x, Code',
      formality: 'less',
      glossary_id: 'g',
    });
    expect(request).toMatchObject({
      texts: ['a', 'b'],
      target: { model: 'en' },
      showBilledCharacters: true,
      ignoreTags: ['x', 'code'],
    });
    expect(
      parseDeeplTranslateRequest({ text: 'one', target_lang: 'DE', show_billed_characters: false }),
    ).toMatchObject({
      texts: ['one'],
      showBilledCharacters: false,
    });
  });

  it("uses DeepL's words for missing fields and limits", () => {
    expect(failure(() => parseDeeplTranslateRequest({ target_lang: 'DE' })).message).toBe(
      "Parameter 'text' not specified.",
    );
    expect(failure(() => parseDeeplTranslateRequest({ text: ['a'] })).message).toBe(
      "Parameter 'target_lang' not specified.",
    );
    expect(
      failure(() =>
        parseDeeplTranslateRequest({ text: Array.from({ length: 51 }, () => 'a'), target_lang: 'DE' }),
      ),
    ).toMatchObject({ status: 413 });
  });
});

describe('parseImmeRequest', () => {
  it('reads the Custom API body', () => {
    expect(parseImmeRequest({ source_lang: 'auto', target_lang: 'zh-CN', text_list: ['a'] })).toMatchObject({
      texts: ['a'],
      source: undefined,
      target: { model: 'zh', traditional: false },
    });
    expect(failure(() => parseImmeRequest({ target_lang: 'zh-CN', text_list: 'a' }))).toMatchObject({
      status: 400,
      param: 'text_list',
    });
  });
});
