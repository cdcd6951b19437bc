import { describe, expect, it } from 'vitest';
import { createTestGateway, postJson, unique } from './call-worker';

// Every client replayed on both engines; the simulator marks each translation with its target,
// which for the LLM engine keeps DeepL's variant.
const ENGINES = [
  {
    engine: 'm2m100',
    settings: {},
    mark: { ZH: '[zh]', 'zh-TW': '[zh]', 'ZH-HANS': '[zh]', 'PT-BR': '[pt]' },
  },
  {
    engine: 'llm',
    settings: { TRANSLATE_ENGINE: 'llm' },
    mark: { ZH: '[zh-hans]', 'zh-TW': '[zh-hant]', 'ZH-HANS': '[zh-hans]', 'PT-BR': '[pt-br]' },
  },
];

interface DeeplxReply {
  code: number;
  id: number;
  data: string;
  alternatives: string[];
  source_lang: string;
  target_lang: string;
  method: string;
}

describe.each(ENGINES)('$engine engine', ({ engine, settings, mark }) => {
  const gateway = createTestGateway(settings);
  const anonymous = createTestGateway({ ...settings, GATEWAY_KEYS: '', ALLOW_ANONYMOUS: 'true' });

  it('answers with the engine named', async () => {
    const response = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: 'Hi', target_lang: 'DE' }),
    );
    expect(response.headers.get('x-translation-engine')).toMatch(
      engine === 'llm' ? /^llm:@cf\// : /^m2m100$/,
    );
  });

  describe('Immersive Translate, DeepLX service (URL with ?token=, rich text on)', () => {
    const headers = {
      origin: 'chrome-extension://bpoadfkcbjbfhfodiogcnhhhpibjhbnh',
      cookie: 'cf_clearance=abc; session=xyz',
      'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/131.0.0.0 Safari/537.36',
    };

    it('passes the CORS preflight with Authorization and Content-Type', async () => {
      const response = await gateway.call('/translate?token=test-key', {
        method: 'OPTIONS',
        headers: {
          origin: headers.origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    });

    it('translates the HTML it sends, keeping every tag, attribute and entity', async () => {
      const text =
        '<p>Hello <b>brave</b> world, see <a href="https://x.test/?a=1&amp;b=2" title="a > b">the docs</a>&nbsp;now.</p>';
      const response = await gateway.call(
        '/translate?token=test-key',
        postJson({ text, source_lang: 'auto', target_lang: 'ZH', tag_handling: 'html' }, headers),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await response.json()) as DeeplxReply;
      expect(body).toMatchObject({
        code: 200,
        alternatives: [],
        source_lang: 'EN',
        target_lang: 'ZH',
        method: 'Free',
      });
      expect(typeof body.id).toBe('number');
      expect(body.data).toBe(
        `<p>${mark.ZH} Hello <b>${mark.ZH} brave</b> ${mark.ZH} world, see <a href="https://x.test/?a=1&amp;b=2" title="a > b">${mark.ZH} the docs</a>&nbsp;${mark.ZH} now.</p>`,
      );
    });

    it('ignores cookies: a token in a cookie does not authenticate', async () => {
      const response = await gateway.call(
        '/translate',
        postJson(
          { text: 'Hello', source_lang: 'auto', target_lang: 'ZH' },
          { ...headers, cookie: 'token=test-key' },
        ),
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 401, message: expect.any(String) });
    });
  });

  describe('Immersive Translate, Custom API (/imme)', () => {
    it('answers one translation per text_list item with the detected language', async () => {
      const first = unique('Hello world, how are you today?');
      const second = unique('Bonjour le monde, comment allez-vous aujourd’hui ?');
      const response = await gateway.call(
        '/imme?token=test-key',
        postJson({ source_lang: 'auto', target_lang: 'zh-TW', text_list: [first, second, '我们的新版本'] }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        translations: [
          { detected_source_lang: 'en', text: `${mark['zh-TW']} ${first}` },
          { detected_source_lang: 'fr', text: `${mark['zh-TW']} ${second}` },
          // Same language in and out: no model call, Simplified converted to Traditional for zh-TW.
          { detected_source_lang: 'zh', text: '我們的新版本' },
        ],
      });
    });
  });

  describe('Bob (bob-plugin-deeplx)', () => {
    it('sends Bearer and ZH-HANS and reads data split on newlines', async () => {
      const lines = [
        unique('First line of the note.'),
        unique('Second line.'),
        '',
        unique('After a blank line.'),
      ];
      const response = await gateway.call(
        '/translate',
        postJson(
          { text: lines.join('\n'), source_lang: 'EN', target_lang: 'ZH-HANS' },
          { authorization: 'Bearer test-key' },
        ),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as DeeplxReply;
      expect(body.data.split('\n')).toEqual(lines.map((line) => (line ? `${mark['ZH-HANS']} ${line}` : '')));
      expect(body).toMatchObject({ code: 200, source_lang: 'EN', target_lang: 'ZH-HANS' });
    });

    it('gets method "Pro" from /v1/translate, with DeepL-Auth-Key', async () => {
      const response = await gateway.call(
        '/v1/translate',
        postJson(
          { text: unique('Good morning'), source_lang: 'EN', target_lang: 'DE' },
          { authorization: 'DeepL-Auth-Key test-key' },
        ),
      );
      expect(await response.json()).toMatchObject({ code: 200, method: 'Pro', target_lang: 'DE' });
    });
  });

  describe('pot and Zotero (no auth header, ALLOW_ANONYMOUS=true)', () => {
    it('pot: source auto, target ZH and PT-BR', async () => {
      const text = unique('Guten Morgen, wie geht es dir heute?');
      const response = await anonymous.call(
        '/translate',
        postJson({ source_lang: 'auto', target_lang: 'ZH', text }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        code: 200,
        data: `${mark.ZH} ${text}`,
        source_lang: 'DE',
      });
      const portuguese = await anonymous.call(
        '/translate',
        postJson({ source_lang: 'auto', target_lang: 'PT-BR', text }),
      );
      expect(await portuguese.json()).toMatchObject({
        data: `${mark['PT-BR']} ${text}`,
        target_lang: 'PT-BR',
      });
    });

    it('Zotero: explicit EN → ZH, reads data', async () => {
      const text = unique('The results are shown in Table 2.');
      const response = await anonymous.call(
        '/translate',
        postJson({ text, source_lang: 'EN', target_lang: 'ZH' }),
      );
      expect(((await response.json()) as DeeplxReply).data).toBe(`${mark.ZH} ${text}`);
    });
  });

  describe('short strings from one page', () => {
    it('take the language of the request they came with', async () => {
      const strings = ['Suche', 'Anmelden', unique('Weitere Artikel zu diesem Thema finden Sie hier unten')];
      const response = await gateway.call(
        '/imme?token=test-key',
        postJson({ source_lang: 'auto', target_lang: 'en', text_list: strings }),
      );
      const body = (await response.json()) as { translations: Array<{ detected_source_lang: string }> };
      expect(body.translations.map((translation) => translation.detected_source_lang)).toEqual([
        'de',
        'de',
        'de',
      ]);
    });
  });
});
