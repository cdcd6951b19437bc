import { describe, expect, it } from 'vitest';
import { createTestGateway, postJson, unique } from './call-worker';

const gateway = createTestGateway();

async function deeplx(
  body: Record<string, unknown>,
): Promise<{ response: Response; data: string; source: string }> {
  const response = await gateway.call('/translate?token=test-key', postJson(body));
  const reply = (await response.clone().json()) as { data: string; source_lang: string };
  return { response, data: reply.data, source: reply.source_lang };
}

describe('text fidelity', () => {
  it('keeps newlines, blank lines, whitespace-only lines and indentation exactly', async () => {
    const tag = unique('p');
    const text = `  Indented first paragraph ${tag}.\n\nSecond paragraph ${tag}.\r\n   \r\n\tTabbed line ${tag}  \n\n\n- 42 -\n• Bullet ${tag}\n`;
    const { data } = await deeplx({ text, source_lang: 'EN', target_lang: 'FR' });
    expect(data).toBe(
      `  [fr] Indented first paragraph ${tag}.\n\n[fr] Second paragraph ${tag}.\r\n   \r\n\t[fr] Tabbed line ${tag}  \n\n\n- 42 -\n[fr] • Bullet ${tag}\n`,
    );
    // Lines without letters ("- 42 -") and blank lines cost no model call.
    expect(gateway.translations().filter((call) => call.text.includes(tag))).toHaveLength(4);
  });

  it('translates only HTML text nodes: nested tags, attributes, entities, comments and code survive', async () => {
    const tag = unique('h');
    const html = [
      `<div class="post" data-x='1 > 0'><h1 id="t">Title ${tag}</h1>`,
      '<!-- a comment with text -->',
      `<p>Tom &amp; Jerry &lt;3 <em>really <strong>nested</strong> words</em> &copy; 2026&#8217;s ${tag}</p>`,
      '<pre>keep   this\n  code</pre><code>x &lt; y</code><span class="notranslate">Brand Name</span>',
      '<script>if (a < b) { alert("hi"); }</script><style>p > a { color: red; }</style>',
      '<img src="a.png" alt="An image"><br/>Tail text</div>',
    ].join('\n');
    const { data } = await deeplx({ text: html, source_lang: 'EN', target_lang: 'DE', tag_handling: 'html' });
    expect(data).toBe(
      [
        `<div class="post" data-x='1 > 0'><h1 id="t">[de] Title ${tag}</h1>`,
        '<!-- a comment with text -->',
        `<p>[de] Tom &amp; Jerry &lt;3 <em>[de] really <strong>[de] nested</strong> [de] words</em> &copy; 2026&#8217;[de] s ${tag}</p>`,
        '<pre>keep   this\n  code</pre><code>x &lt; y</code><span class="notranslate">Brand Name</span>',
        '<script>if (a < b) { alert("hi"); }</script><style>p > a { color: red; }</style>',
        '<img src="a.png" alt="An image"><br/>[de] Tail text</div>',
      ].join('\n'),
    );
  });

  it('translates XML text nodes and honours DeepL ignore_tags', async () => {
    const tag = unique('x');
    const response = await gateway.call(
      '/v2/translate',
      postJson(
        {
          text: [
            `<doc><title>Report ${tag}</title><sku>AB-12 Widget</sku><body>Text &amp; more</body></doc>`,
          ],
          target_lang: 'ES',
          source_lang: 'EN',
          tag_handling: 'xml',
          ignore_tags: ['sku'],
        },
        { authorization: 'DeepL-Auth-Key test-key' },
      ),
    );
    const body = (await response.json()) as { translations: Array<{ text: string }> };
    expect(body.translations[0]?.text).toBe(
      `<doc><title>[es] Report ${tag}</title><sku>AB-12 Widget</sku><body>[es] Text &amp; more</body></doc>`,
    );
  });

  it('translates a 20,000-character document whole, in segments under 400 characters', async () => {
    const tag = unique('doc');
    const sentence = (paragraph: number, index: number) =>
      `Sentence ${index} of paragraph ${paragraph} in ${tag} explains one more detail of the study at length.`;
    const paragraphs: string[] = [];
    for (let paragraph = 0; paragraph < 40; paragraph++) {
      paragraphs.push(Array.from({ length: 6 }, (_, index) => sentence(paragraph, index)).join(' '));
    }
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThan(20_000);
    const response = await gateway.call(
      '/v2/translate',
      postJson({ text: [text], target_lang: 'DE' }, { authorization: 'DeepL-Auth-Key test-key' }),
    );
    expect(response.status).toBe(200);
    const translated =
      ((await response.json()) as { translations: Array<{ text: string }> }).translations[0]?.text ?? '';
    // Every character of the input is in the output, in order: nothing truncated or dropped.
    expect(translated.replaceAll('[de] ', '')).toBe(text);
    const calls = gateway.translations().filter((call) => call.text.includes(tag));
    expect(calls.length).toBeGreaterThanOrEqual(80);
    expect(Math.max(...calls.map((call) => call.text.length))).toBeLessThanOrEqual(400);
  });

  it('splits a long run without punctuation at word boundaries', async () => {
    const tag = unique('w');
    const text = `${Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ')} ${tag}`;
    const { data } = await deeplx({ text, source_lang: 'EN', target_lang: 'IT' });
    expect(data.replaceAll('[it] ', '')).toBe(text);
    const calls = gateway
      .translations()
      .filter((call) => call.text.includes('word') && call.text.length > 100);
    expect(calls.every((call) => call.text.length <= 400)).toBe(true);
  });

  it('detects each paragraph of mixed-script input on its own', async () => {
    const tag = unique('m');
    const text = `Hello world, this is English text ${tag}.\n你好，世界。这是中文。\nПривет, мир. Это русский текст.`;
    const { data, source } = await deeplx({ text, source_lang: 'auto', target_lang: 'JA' });
    expect(source).toBe('EN');
    expect(data.split('\n')).toHaveLength(3);
    const calls = gateway.translations().slice(-3);
    expect(calls.map((call) => call.source_lang)).toEqual(['en', 'zh', 'ru']);
  });

  it('writes ZH-HANT output in Traditional characters', async () => {
    const { data } = await deeplx({
      text: '这是简体中文，我们的软件。',
      source_lang: 'ZH',
      target_lang: 'ZH-HANT',
    });
    expect(data).toBe('這是簡體中文，我們的軟件。');
    const translated = await deeplx({
      text: unique('Open the 门 and the 窗户'),
      source_lang: 'EN',
      target_lang: 'zh-TW',
    });
    expect(translated.data).toMatch(/^\[zh\] Open the 門 and the 窗戶 /);
  });

  it('serves a second identical request from the cache without an upstream call', async () => {
    const text = `${unique('Cache me once.')}\n\n${unique('And this line too.')}`;
    const first = await deeplx({ text, source_lang: 'auto', target_lang: 'NL' });
    const callsAfterFirst = gateway.simulator.calls.length;
    const second = await deeplx({ text, source_lang: 'auto', target_lang: 'NL' });
    expect(gateway.simulator.calls.length).toBe(callsAfterFirst);
    expect(second.data).toBe(first.data);
    expect(second.data).toContain('[nl] ');
  });

  it('retries runaway repetition once, then trims it to the first occurrence and says so', async () => {
    const tag = unique('r');
    const before = gateway.translations().length;
    const { response, data } = await deeplx({
      text: `Loop ${tag} [[repeat]]`,
      source_lang: 'EN',
      target_lang: 'DE',
    });
    expect(gateway.translations().length - before).toBe(2);
    expect(data).toBe(`[de] Loop ${tag} [[repeat]]`);
    expect(response.headers.get('x-translation-trimmed')).toBe('1');
  });
});
