import * as deepl from 'deepl-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRANSLATE_MODEL } from '../src/translation/choose-engine';
import { createTestGateway, postJson, unique } from './call-worker';

// Two keys: glossaries are scoped to the key that made them.
const gateway = createTestGateway({ GATEWAY_KEYS: 'key-one,key-two' });
const auth = (key = 'key-one') => ({ authorization: `DeepL-Auth-Key ${key}` });

function translator(authKey = 'key-one'): deepl.Translator {
  return new deepl.Translator(authKey, { serverUrl: 'https://translate.test', maxRetries: 0 });
}

async function create(body: Record<string, unknown>, key = 'key-one'): Promise<Response> {
  return gateway.call('/v2/glossaries', postJson(body, auth(key)));
}

describe('glossaries through deepl-node', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => gateway.fetch(input, init));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('creates, lists, reads, applies and deletes a glossary', async () => {
    const entries = new deepl.GlossaryEntries({
      entries: { Dashboard: 'Armaturenbrett', 'sign in': 'anmelden' },
    });
    const created = await translator().createGlossary(unique('Product terms'), 'en', 'de', entries);
    expect(created).toMatchObject({ ready: true, sourceLang: 'en', targetLang: 'de', entryCount: 2 });
    const listed = await translator().listGlossaries();
    expect(listed.map((glossary) => glossary.glossaryId)).toContain(created.glossaryId);
    expect((await translator().getGlossary(created.glossaryId)).name).toBe(created.name);
    expect((await translator().getGlossaryEntries(created)).entries()).toEqual({
      Dashboard: 'Armaturenbrett',
      'sign in': 'anmelden',
    });

    // m2m100: the terms travel as placeholders and come back as the glossary's target terms.
    const text = unique('Open the Dashboard, then sign in.');
    const plain = await translator().translateText(text, 'en', 'de', { glossary: created });
    expect(plain.text).toContain('Armaturenbrett');
    expect(plain.text).toContain('anmelden');
    expect(plain.text).not.toContain('Dashboard');
    const sent = gateway.translations().at(-1)?.text ?? '';
    expect(sent).toMatch(/^Open the \[#1\], then \[#2\]\./);

    // The LLM engine: the entries that occur go into the prompt.
    const llm = await translator().translateText(text, 'en', 'de', {
      glossary: created,
      modelType: 'quality_optimized',
    });
    expect(llm.text).toBe(
      `[de] ${text.replace('Dashboard', 'Armaturenbrett').replace('sign in', 'anmelden')}`,
    );
    const prompt = gateway.simulator.calls.filter((call) => call.model === DEFAULT_TRANSLATE_MODEL).at(-1);
    const payload = JSON.parse(
      (prompt?.inputs as { messages?: Array<{ content: string }> } | undefined)?.messages?.at(-1)?.content ??
        '{}',
    ) as { glossary: unknown };
    expect(payload.glossary).toEqual([
      { source: 'Dashboard', target: 'Armaturenbrett' },
      { source: 'sign in', target: 'anmelden' },
    ]);

    await translator().deleteGlossary(created);
    await expect(translator().getGlossary(created.glossaryId)).rejects.toThrow(deepl.GlossaryNotFoundError);
  });

  it('serves v3 multilingual glossaries: create, list, read a dictionary, translate, delete', async () => {
    const client = new deepl.DeepLClient('key-one', { serverUrl: 'https://translate.test', maxRetries: 0 });
    const created = await client.createMultilingualGlossary(unique('Both ways'), [
      {
        sourceLangCode: 'en',
        targetLangCode: 'de',
        entries: new deepl.GlossaryEntries({ entries: { cat: 'Katze' } }),
      },
      {
        sourceLangCode: 'de',
        targetLangCode: 'en',
        entries: new deepl.GlossaryEntries({ entries: { Hund: 'dog' } }),
      },
    ]);
    expect(created.dictionaries).toEqual([
      { sourceLangCode: 'de', targetLangCode: 'en', entryCount: 1 },
      { sourceLangCode: 'en', targetLangCode: 'de', entryCount: 1 },
    ]);
    expect((await client.listMultilingualGlossaries()).map((glossary) => glossary.glossaryId)).toContain(
      created.glossaryId,
    );
    expect((await client.getMultilingualGlossary(created.glossaryId)).name).toBe(created.name);
    const dictionary = await client.getMultilingualGlossaryDictionaryEntries(created, 'de', 'en');
    expect(dictionary.entries.entries()).toEqual({ Hund: 'dog' });
    const forward = await client.translateText(unique('The cat sleeps'), 'en', 'de', {
      glossary: created.glossaryId,
    });
    expect(forward.text).toMatch(/^\[de\] The Katze sleeps/);
    const back = await client.translateText(unique('Der Hund schläft'), 'de', 'en-US', {
      glossary: created.glossaryId,
    });
    expect(back.text).toMatch(/^\[en\] Der dog schläft/);
    // No dictionary for the pair: DeepL's 400.
    await expect(
      client.translateText('The cat', 'en', 'fr', { glossary: created.glossaryId }),
    ).rejects.toThrow(/no dictionary/);
    await client.deleteMultilingualGlossary(created);
    await expect(client.getMultilingualGlossary(created.glossaryId)).rejects.toThrow(
      deepl.GlossaryNotFoundError,
    );
  });

  it('lists the glossary language pairs', async () => {
    const pairs = await translator().getGlossaryLanguagePairs();
    expect(pairs).toContainEqual({ sourceLang: 'en', targetLang: 'de' });
    expect(pairs).toContainEqual({ sourceLang: 'ja', targetLang: 'zh' });
    expect(pairs.some((pair) => pair.sourceLang === pair.targetLang)).toBe(false);
  });

  it('translates with formality, context and modelType', async () => {
    const text = unique('How are you today?');
    const result = await translator().translateText(text, 'en', 'de', {
      formality: 'prefer_more',
      context: 'A letter to a customer.',
      modelType: 'quality_optimized',
    });
    expect(result.text).toBe(`[de formal] ${text}`);
    expect(result.modelTypeUsed).toBe('quality_optimized');
  });
});

describe('glossaries over HTTP', () => {
  it('keeps each key’s glossaries to itself', async () => {
    const response = await create({
      name: 'Mine',
      source_lang: 'en',
      target_lang: 'fr',
      entries: 'cat\tchat',
    });
    expect(response.status).toBe(201);
    const { glossary_id } = (await response.json()) as { glossary_id: string };
    const other = await gateway.call(`/v2/glossaries/${glossary_id}`, { headers: auth('key-two') });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ message: 'Glossary not found' });
    const list = (await (await gateway.call('/v2/glossaries', { headers: auth('key-two') })).json()) as {
      glossaries: Array<{ glossary_id: string }>;
    };
    expect(list.glossaries.map((glossary) => glossary.glossary_id)).not.toContain(glossary_id);
    const translate = await gateway.call(
      '/v2/translate',
      postJson({ text: ['cat'], source_lang: 'EN', target_lang: 'FR', glossary_id }, auth('key-two')),
    );
    expect(translate.status).toBe(404);
    expect(
      (await gateway.call(`/v2/glossaries/${glossary_id}`, { method: 'DELETE', headers: auth('key-two') }))
        .status,
    ).toBe(404);
  });

  it('reads CSV with quotes and answers entries as TSV', async () => {
    const response = await create({
      name: 'CSV',
      source_lang: 'EN',
      target_lang: 'DE',
      entries_format: 'csv',
      entries: 'sign in,anmelden\n"Smith, John","Schmidt, Johann"\n\n"say ""hi""",grüßen,en,de\n',
    });
    expect(response.status).toBe(201);
    const info = (await response.json()) as { glossary_id: string; entry_count: number; source_lang: string };
    expect(info).toMatchObject({ entry_count: 3, source_lang: 'en' });
    const entries = await gateway.call(`/v2/glossaries/${info.glossary_id}/entries`, {
      headers: { ...auth(), accept: 'text/tab-separated-values' },
    });
    expect(entries.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    expect(await entries.text()).toBe('sign in\tanmelden\nSmith, John\tSchmidt, Johann\nsay "hi"\tgrüßen');
  });

  it("refuses what DeepL refuses, with DeepL's 400", async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { name: 'x', source_lang: 'en', target_lang: 'de', entries: 'only one column' },
        /Invalid glossary entries/,
      ],
      [
        { name: 'x', source_lang: 'en', target_lang: 'de', entries: 'a\tb\na\tc' },
        /duplicate source entry 'a'/,
      ],
      [
        { name: 'x', source_lang: 'en', target_lang: 'de', entries: 'a\tb\n \tc' },
        /line 2 has an empty term/,
      ],
      [
        { name: 'x', source_lang: 'en', target_lang: 'de', entries: 'a\tb', entries_format: 'xlsx' },
        /entries_format/,
      ],
      [{ name: 'x', source_lang: 'en', target_lang: 'en', entries: 'a\tb' }, /must differ/],
      [{ name: 'x', source_lang: 'en', target_lang: 'klingon', entries: 'a\tb' }, /target_lang/],
      [{ source_lang: 'en', target_lang: 'de', entries: 'a\tb' }, /'name' not specified/],
      [{ name: 'x'.repeat(1025), source_lang: 'en', target_lang: 'de', entries: 'a\tb' }, /1024 bytes/],
      [{ name: 'x', source_lang: 'en', target_lang: 'de', entries: `${'a'.repeat(1025)}\tb` }, /1024 bytes/],
    ];
    for (const [body, message] of cases) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
  });

  it('checks a glossary against the request: source_lang required, pair must match', async () => {
    const response = await create({
      name: 'Pair',
      source_lang: 'en',
      target_lang: 'de',
      entries: 'cat\tKatze',
    });
    const { glossary_id } = (await response.json()) as { glossary_id: string };
    const translate = (body: Record<string, unknown>) =>
      gateway.call('/v2/translate', postJson({ text: ['The cat'], glossary_id, ...body }, auth()));
    expect((await translate({ target_lang: 'DE' })).status).toBe(400);
    expect((await translate({ source_lang: 'EN', target_lang: 'FR' })).status).toBe(400);
    const ok = await translate({ source_lang: 'EN', target_lang: 'DE' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { translations: Array<{ text: string }> }).translations[0]?.text).toBe(
      '[de] The Katze',
    );
    // A DeepLX body may name a glossary too.
    const deeplx = await gateway.call(
      '/translate?token=key-one',
      postJson({ text: 'One cat', source_lang: 'EN', target_lang: 'DE', glossary_id, engine: 'llm' }),
    );
    expect(((await deeplx.json()) as { data: string }).data).toBe('[de] One Katze');
    const missing = await gateway.call(
      '/v2/translate',
      postJson({ text: ['x'], source_lang: 'EN', target_lang: 'DE', glossary_id: 'nope' }, auth()),
    );
    expect(missing.status).toBe(404);
  });
});
