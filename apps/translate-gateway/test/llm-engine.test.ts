import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSLATE_MODEL } from '../src/translation/choose-engine';
import { createTestGateway, postJson, type TestGateway, unique } from './call-worker';

const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };
const ENGINE = `llm:${DEFAULT_TRANSLATE_MODEL}`;

interface Prompt {
  target_language: string;
  source_language: string;
  formality?: string;
  context?: string;
  segments: Array<{ id: number; text: string }>;
}

/** The translation prompts the gateway sent to the LLM, oldest first. */
function prompts(gateway: TestGateway): Prompt[] {
  return gateway.simulator.calls
    .filter((call) => call.model === DEFAULT_TRANSLATE_MODEL)
    .map((call) => {
      const messages = (call.inputs as { messages: Array<{ role: string; content: string }> }).messages;
      return JSON.parse(messages.at(-1)?.content ?? '{}') as Prompt;
    });
}

function promptsFor(gateway: TestGateway, tag: string): Prompt[] {
  return prompts(gateway).filter((prompt) => prompt.segments.some((segment) => segment.text.includes(tag)));
}

async function deepl(gateway: TestGateway, body: Record<string, unknown>) {
  const response = await gateway.call('/v2/translate', postJson(body, deeplAuth));
  const json = (await response.clone().json()) as {
    translations: Array<{ text: string; detected_source_language: string; model_type_used?: string }>;
  };
  return { response, translations: json.translations };
}

async function deeplx(gateway: TestGateway, body: Record<string, unknown>) {
  const response = await gateway.call('/translate?token=test-key', postJson(body));
  const json = (await response.clone().json()) as { data: string; source_lang: string };
  return { response, data: json.data, source: json.source_lang };
}

describe('choosing the engine', () => {
  const m2m100 = createTestGateway();
  const llm = createTestGateway({ TRANSLATE_ENGINE: 'llm' });

  it('uses m2m100 by default and the LLM with TRANSLATE_ENGINE=llm, and says which', async () => {
    const tag = unique('Engine');
    const plain = await deeplx(m2m100, { text: `Hello ${tag}`, source_lang: 'EN', target_lang: 'DE' });
    expect(plain.response.headers.get('x-translation-engine')).toBe('m2m100');
    expect(promptsFor(m2m100, tag)).toHaveLength(0);
    const chosen = await deeplx(llm, { text: `Hello ${tag}`, source_lang: 'EN', target_lang: 'DE' });
    expect(chosen.response.headers.get('x-translation-engine')).toBe(ENGINE);
    expect(chosen.data).toBe(`[de] Hello ${tag}`);
    expect(promptsFor(llm, tag)).toHaveLength(1);
    expect(llm.translations().filter((call) => call.text.includes(tag))).toHaveLength(0);
  });

  it("follows DeepL's model_type per request and answers model_type_used", async () => {
    const tag = unique('Model type');
    const quality = await deepl(m2m100, {
      text: [`Hi ${tag}`],
      target_lang: 'DE',
      model_type: 'quality_optimized',
    });
    expect(quality.response.headers.get('x-translation-engine')).toBe(ENGINE);
    expect(quality.translations[0]?.model_type_used).toBe('quality_optimized');
    const prefer = await deepl(m2m100, {
      text: [`Hey ${tag}`],
      target_lang: 'DE',
      model_type: 'prefer_quality_optimized',
    });
    expect(prefer.translations[0]?.model_type_used).toBe('quality_optimized');
    const latency = await deepl(llm, {
      text: [`Yo ${tag}`],
      target_lang: 'DE',
      model_type: 'latency_optimized',
    });
    expect(latency.response.headers.get('x-translation-engine')).toBe('m2m100');
    expect(latency.translations[0]?.model_type_used).toBe('latency_optimized');
    const none = await deepl(llm, { text: [`Hallo ${tag}`], target_lang: 'FR' });
    expect(none.translations[0]).not.toHaveProperty('model_type_used');
    const bad = await m2m100.call(
      '/v2/translate',
      postJson({ text: ['x'], target_lang: 'DE', model_type: 'best' }, deeplAuth),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Value for 'model_type' not supported." });
  });

  it('takes a DeepLX body’s engine, and rejects an unknown one', async () => {
    const tag = unique('Engine field');
    const chosen = await deeplx(m2m100, { text: `Hi ${tag}`, target_lang: 'FR', engine: 'llm' });
    expect(chosen.response.headers.get('x-translation-engine')).toBe(ENGINE);
    const back = await deeplx(llm, { text: `Hi ${tag}`, target_lang: 'FR', engine: 'm2m100' });
    expect(back.response.headers.get('x-translation-engine')).toBe('m2m100');
    const bad = await m2m100.call(
      '/translate?token=test-key',
      postJson({ text: 'x', target_lang: 'FR', engine: 'gpt' }),
    );
    expect(bad.status).toBe(400);
  });

  it('serves Immersive Translate’s /imme on the LLM too, and names the engine in /v2/usage', async () => {
    const tag = unique('Imme');
    const response = await llm.call(
      '/imme?token=test-key',
      postJson({
        source_lang: 'auto',
        target_lang: 'zh-TW',
        text_list: [`Good morning ${tag}`, `Good night ${tag}`],
      }),
    );
    expect(response.headers.get('x-translation-engine')).toBe(ENGINE);
    const body = (await response.json()) as { translations: Array<{ text: string }> };
    expect(body.translations.map((entry) => entry.text)).toEqual([
      `[zh-hant] Good morning ${tag}`,
      `[zh-hant] Good night ${tag}`,
    ]);
    expect(promptsFor(llm, tag)).toHaveLength(1);
    const usage = await llm.call('/v2/usage', { headers: deeplAuth });
    expect(usage.headers.get('x-translation-engine')).toBe(ENGINE);
    expect(await usage.json()).toMatchObject({ translation_engine: ENGINE });
  });

  it('says supports_formality for every target when the LLM engine is the default', async () => {
    const targets = (await (
      await llm.call('/v2/languages?type=target', { headers: deeplAuth })
    ).json()) as Array<{
      language: string;
      supports_formality: boolean;
    }>;
    expect(targets.length).toBeGreaterThan(90);
    expect(targets.every((language) => language.supports_formality)).toBe(true);
    // The LLM engine adds languages m2m100 lacks; m2m100's list does not show them.
    expect(targets.map((language) => language.language)).toEqual(
      expect.arrayContaining(['EU', 'EO', 'MT', 'YUE']),
    );
    const plain = (await (
      await m2m100.call('/v2/languages?type=target', { headers: deeplAuth })
    ).json()) as Array<{
      language: string;
    }>;
    expect(plain.map((language) => language.language)).not.toContain('EU');
    const sources = (await (
      await llm.call('/v2/languages?type=source', { headers: deeplAuth })
    ).json()) as object[];
    expect(sources.every((language) => !('supports_formality' in language))).toBe(true);
  });

  it('translates languages only the LLM serves, and says so when m2m100 is asked', async () => {
    const tag = unique('Basque');
    const { translations } = await deepl(llm, {
      text: [`Good morning ${tag}`],
      source_lang: 'EN',
      target_lang: 'EU',
    });
    expect(translations[0]?.text).toBe(`[eu] Good morning ${tag}`);
    expect(promptsFor(llm, tag)[0]?.target_language).toBe('EU');
    const chosen = await deepl(m2m100, {
      text: [`Good night ${tag}`],
      source_lang: 'EN',
      target_lang: 'MT',
      model_type: 'prefer_quality_optimized',
    });
    expect(chosen.translations[0]).toMatchObject({
      text: `[mt] Good night ${tag}`,
      model_type_used: 'quality_optimized',
    });
    const refused = await m2m100.call(
      '/v2/translate',
      postJson({ text: ['Hi'], target_lang: 'EO' }, deeplAuth),
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/LLM engine only/);
    const latin = await m2m100.call(
      '/translate?token=test-key',
      postJson({ text: 'Carpe diem', source_lang: 'LA', target_lang: 'EN' }),
    );
    expect(latin.status).toBe(400);
  });

  it('rejects a bad TRANSLATE_ENGINE or TRANSLATE_MODEL as a configuration error', async () => {
    const broken = createTestGateway({ TRANSLATE_ENGINE: 'deepl' });
    expect(
      (await broken.call('/translate?token=test-key', postJson({ text: 'x', target_lang: 'DE' }))).status,
    ).toBe(503);
    const wrongModel = createTestGateway({
      TRANSLATE_ENGINE: 'llm',
      TRANSLATE_MODEL: '@cf/meta/m2m100-1.2b',
    });
    expect(
      (await wrongModel.call('/translate?token=test-key', postJson({ text: 'x', target_lang: 'DE' }))).status,
    ).toBe(503);
    const otherModel = createTestGateway({
      TRANSLATE_ENGINE: 'llm',
      TRANSLATE_MODEL: '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
    });
    const reply = await deeplx(otherModel, { text: 'Good evening', source_lang: 'EN', target_lang: 'ES' });
    expect(reply.response.headers.get('x-translation-engine')).toBe(
      'llm:@cf/meta/llama-3.3-70b-instruct-fp8-fast',
    );
    expect(reply.data).toBe('[es] Good evening');
  });
});

describe('the LLM engine', () => {
  const gateway = createTestGateway({ TRANSLATE_ENGINE: 'llm' });

  it('translates many segments per call, one prompt stating source, target variant and segments', async () => {
    const tag = unique('batch');
    const texts = Array.from({ length: 12 }, (_, index) => `Line ${index} of ${tag}.`);
    const { translations } = await deepl(gateway, { text: texts, source_lang: 'EN', target_lang: 'PT-BR' });
    expect(translations.map((entry) => entry.text)).toEqual(texts.map((text) => `[pt-br] ${text}`));
    const sent = promptsFor(gateway, tag);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ target_language: 'PT-BR', source_language: 'EN' });
    expect(sent[0]?.segments.map((segment) => segment.id)).toEqual(texts.map((_, index) => index + 1));
  });

  it('asks the model to detect the source when the client did not give it', async () => {
    const tag = unique('detect');
    const { translations } = await deepl(gateway, {
      text: [`Bonjour tout le monde, comment allez-vous ${tag}`],
      target_lang: 'DE',
    });
    expect(translations[0]?.detected_source_language).toBe('FR');
    expect(promptsFor(gateway, tag)[0]?.source_language).toBe('detect');
  });

  it('keeps blank lines, CRLF, whitespace-only lines and indentation exactly', async () => {
    const tag = unique('p');
    const text = `  Indented first paragraph ${tag}.\n\nSecond paragraph ${tag}.\r\n   \r\n\tTabbed line ${tag}  \n\n\n- 42 -\n• Bullet ${tag}\n`;
    const { data } = await deeplx(gateway, { text, source_lang: 'EN', target_lang: 'FR' });
    expect(data).toBe(
      `  [fr] Indented first paragraph ${tag}.\n\n[fr] Second paragraph ${tag}.\r\n   \r\n\t[fr] Tabbed line ${tag}  \n\n\n- 42 -\n[fr] • Bullet ${tag}\n`,
    );
    expect(promptsFor(gateway, tag)).toHaveLength(1);
  });

  it('keeps nested HTML, attributes, entities, comments and code byte for byte', async () => {
    const tag = unique('h');
    const html = [
      `<div class="post" data-x='1 > 0'><h1 id="t">Title ${tag}</h1>`,
      '<!-- a comment with text -->',
      `<p>Tom &amp; Jerry &lt;3 <em>really <strong>nested</strong> words</em> &copy; 2026&#8217;s ${tag}</p>`,
      '<pre>keep   this\n  code</pre><code>x &lt; y</code><span class="notranslate">Brand Name</span>',
      '<script>if (a < b) { alert("hi"); }</script><style>p > a { color: red; }</style>',
      '<img src="a.png" alt="An image"><br/>Tail text</div>',
    ].join('\n');
    const { data } = await deeplx(gateway, {
      text: html,
      source_lang: 'EN',
      target_lang: 'DE',
      tag_handling: 'html',
    });
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

  it('translates XML text nodes and honours ignore_tags', async () => {
    const tag = unique('x');
    const { translations } = await deepl(gateway, {
      text: [`<doc><title>Report ${tag}</title><sku>AB-12 Widget</sku><body>Text &amp; more</body></doc>`],
      target_lang: 'ES',
      source_lang: 'EN',
      tag_handling: 'xml',
      ignore_tags: ['sku'],
    });
    expect(translations[0]?.text).toBe(
      `<doc><title>[es] Report ${tag}</title><sku>AB-12 Widget</sku><body>[es] Text &amp; more</body></doc>`,
    );
  });

  it('translates a 20,000-character document whole in a few calls of many segments', async () => {
    const tag = unique('doc');
    const sentence = (paragraph: number, index: number) =>
      `Sentence ${index} of paragraph ${paragraph} in ${tag} explains one more detail of the study at length.`;
    const paragraphs = Array.from({ length: 40 }, (_, paragraph) =>
      Array.from({ length: 6 }, (_, index) => sentence(paragraph, index)).join(' '),
    );
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThan(20_000);
    const { response, translations } = await deepl(gateway, { text: [text], target_lang: 'DE' });
    expect(response.status).toBe(200);
    expect(translations[0]?.text.replaceAll('[de] ', '')).toBe(text);
    const sent = promptsFor(gateway, tag);
    const segments = sent.reduce((total, prompt) => total + prompt.segments.length, 0);
    expect(segments).toBeGreaterThanOrEqual(80);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(text.length / 4000) + 2);
    expect(sent.length).toBeLessThan(segments / 10);
  });

  it('answers 50 texts with 50 translations in order', async () => {
    const tag = unique('fifty');
    const texts = Array.from({ length: 50 }, (_, index) => `Item number ${index} ${tag}`);
    const { translations } = await deepl(gateway, { text: texts, source_lang: 'EN', target_lang: 'IT' });
    expect(translations.map((entry) => entry.text)).toEqual(texts.map((text) => `[it] ${text}`));
    expect(promptsFor(gateway, tag)).toHaveLength(2);
  });

  it('serves a second identical request from the cache without a model call', async () => {
    const text = `${unique('Cache me once.')}\n\n${unique('And this line too.')}`;
    const first = await deeplx(gateway, { text, source_lang: 'auto', target_lang: 'NL' });
    const calls = gateway.simulator.calls.length;
    const second = await deeplx(gateway, { text, source_lang: 'auto', target_lang: 'NL' });
    expect(gateway.simulator.calls.length).toBe(calls);
    expect(second.data).toBe(first.data);
    // Another engine, formality or context is another cache entry.
    await deeplx(gateway, { text, source_lang: 'auto', target_lang: 'NL', engine: 'm2m100' });
    expect(gateway.simulator.calls.length).toBe(calls + 2);
    await deepl(gateway, { text: [text], target_lang: 'NL', formality: 'prefer_less' });
    expect(gateway.simulator.calls.length).toBe(calls + 3);
    await deepl(gateway, { text: [text], target_lang: 'NL', context: 'A reminder.' });
    expect(gateway.simulator.calls.length).toBe(calls + 4);
  });
});

describe('formality and context', () => {
  const m2m100 = createTestGateway();
  const llm = createTestGateway({ TRANSLATE_ENGINE: 'llm' });

  it('m2m100 answers more/less with DeepL’s 400, accepts prefer_* and context and ignores them', async () => {
    for (const formality of ['more', 'less']) {
      const response = await m2m100.call(
        '/v2/translate',
        postJson({ text: ['Hi'], target_lang: 'DE', formality }, deeplAuth),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        message: "'formality' is not supported for given 'target_lang'.",
      });
    }
    const tag = unique('Prefer');
    for (const formality of ['prefer_more', 'prefer_less', 'default']) {
      const { translations } = await deepl(m2m100, {
        text: [`Hi ${tag}`],
        target_lang: 'DE',
        formality,
        context: 'A greeting.',
      });
      expect(translations[0]?.text).toBe(`[de] Hi ${tag}`);
    }
    const bad = await m2m100.call(
      '/v2/translate',
      postJson({ text: ['Hi'], target_lang: 'DE', formality: 'polite' }, deeplAuth),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Value for 'formality' not supported." });
  });

  it('the LLM engine honours formality and reads context without translating it', async () => {
    const tag = unique('Formal');
    const formal = await deepl(llm, {
      text: [`How are you ${tag}`],
      target_lang: 'DE',
      formality: 'more',
      context: 'A letter to a client.',
    });
    expect(formal.translations[0]?.text).toBe(`[de formal] How are you ${tag}`);
    const informal = await deepl(llm, {
      text: [`How are you ${tag}`],
      target_lang: 'DE',
      formality: 'prefer_less',
    });
    expect(informal.translations[0]?.text).toBe(`[de informal] How are you ${tag}`);
    const [first, second] = promptsFor(llm, tag);
    expect(first).toMatchObject({ formality: 'more', context: 'A letter to a client.' });
    expect(first?.segments.map((segment) => segment.text)).toEqual([`How are you ${tag}`]);
    expect(second).toMatchObject({ formality: 'prefer_less' });
    expect(second).not.toHaveProperty('context');
  });
});

describe('the LLM engine’s recovery', () => {
  const gateway = createTestGateway({ TRANSLATE_ENGINE: 'llm' });

  async function translate(lines: string[]) {
    const { data, response } = await deeplx(gateway, {
      text: lines.join('\n'),
      source_lang: 'EN',
      target_lang: 'DE',
    });
    expect(response.status).toBe(200);
    return data.split('\n');
  }

  it('retries only a dropped segment, never shifting the lines after it', async () => {
    const tag = unique('drop');
    const lines = [`First ${tag}`, `Second ${tag} [[drop]]`, `Third ${tag}`, `Fourth ${tag}`];
    expect(await translate(lines)).toEqual(lines.map((line) => `[de] ${line}`));
    const sent = promptsFor(gateway, tag);
    // The batch; one retry of the dropped segment with the one before it (a possible merge host),
    // where the simulator drops it again; then a call for each of the two.
    expect(sent.map((prompt) => prompt.segments.length)).toEqual([4, 2, 1, 1]);
  });

  it('splits a merged answer back into its own segments', async () => {
    const tag = unique('merge');
    const lines = [`Alpha ${tag} [[merge]]`, `Beta ${tag}`, `Gamma ${tag}`];
    expect(await translate(lines)).toEqual(lines.map((line) => `[de] ${line}`));
  });

  it('retries untranslated echoes, and takes an echo the model repeats when asked alone', async () => {
    const tag = unique('echo');
    const lines = [`One ${tag} [[echo]]`, `Two ${tag}`, `Three ${tag} [[echo-always]]`];
    expect(await translate(lines)).toEqual([`[de] ${lines[0]}`, `[de] ${lines[1]}`, lines[2]]);
  });

  it('retries the whole batch when the answer is not JSON, then falls back to a call per segment', async () => {
    const tag = unique('garbage');
    const lines = [`Red ${tag} [[garbage]]`, `Green ${tag}`, `Blue ${tag}`];
    expect(await translate(lines)).toEqual(lines.map((line) => `[de] ${line}`));
    // Batch, batch retry (still prose), then one call each.
    expect(promptsFor(gateway, tag).map((prompt) => prompt.segments.length)).toEqual([3, 3, 1, 1, 1]);
  });

  it('maps a reordered answer by id', async () => {
    const tag = unique('reorder');
    const lines = [`North ${tag} [[reorder]]`, `South ${tag}`, `East ${tag}`];
    expect(await translate(lines)).toEqual(lines.map((line) => `[de] ${line}`));
    expect(promptsFor(gateway, tag)).toHaveLength(1);
  });

  it('never lets reasoning or a code fence reach the translation', async () => {
    const tag = unique('think');
    const lines = [`Think ${tag} [[think]] [[fence]]`, `Again ${tag}`];
    const output = await translate(lines);
    expect(output).toEqual(lines.map((line) => `[de] ${line}`));
    expect(output.join('\n')).not.toMatch(/THOUGHT|think>|```/);
  });

  it('charges every call, retries included, and logs the engine', async () => {
    const fresh = createTestGateway({ TRANSLATE_ENGINE: 'llm' });
    const ledger = async () =>
      (
        (await (await fresh.call('/v1/usage', { headers: deeplAuth })).json()) as {
          models: Record<string, number>;
        }
      ).models[DEFAULT_TRANSLATE_MODEL] ?? 0;
    const before = await ledger();
    const logged: string[] = [];
    const original = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      const reply = await deeplx(fresh, {
        text: 'Charge [[garbage]]\nMore',
        source_lang: 'EN',
        target_lang: 'DE',
      });
      expect(reply.data).toBe('[de] Charge [[garbage]]\n[de] More');
    } finally {
      console.log = original;
    }
    expect(prompts(fresh)).toHaveLength(4);
    const line = JSON.parse(logged.find((entry) => entry.includes('"engine"')) ?? '{}') as {
      neurons: number;
      engine: string;
      model: string;
    };
    expect(line).toMatchObject({ engine: ENGINE, model: DEFAULT_TRANSLATE_MODEL });
    expect(line.neurons).toBeGreaterThan(0);
    expect(line.neurons).toBeCloseTo(fresh.simulator.neuronsUsed(), 3);
    expect((await ledger()) - before).toBeCloseTo(line.neurons, 3);
  });
});
