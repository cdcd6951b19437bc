import { type ClientSetting, type DashboardOptions, renderDashboard } from '@workers-ai-gateways/core';

// Fills the language pickers from /v2/languages once a key is known, and translates through the
// DeepLX route, showing the detected source language.
const TRANSLATE_SCRIPT = `
async function loadLanguages() {
  for (const type of ['source', 'target']) {
    let response;
    try {
      response = await api('/v2/languages?type=' + type);
    } catch {
      continue;
    }
    if (!response.ok) continue;
    const languages = await response.json();
    const select = $('translate-' + type);
    const current = select.value;
    const choices = languages.map((language) => new Option(language.name + ' (' + language.language + ')', language.language));
    if (type === 'source') choices.unshift(new Option('Detect language', 'auto'));
    select.replaceChildren(...choices);
    if (choices.some((choice) => choice.value === current)) select.value = current;
  }
}
onKey.push(loadLanguages);
$('translate-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('translate-input').value;
  if (!text.trim()) return;
  const button = $('translate-send');
  const output = $('translate-output');
  busy(button, true);
  try {
    const response = await api('/translate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, source_lang: $('translate-source').value, target_lang: $('translate-target').value }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    const body = await response.json();
    output.className = '';
    output.textContent = body.data;
    $('translate-detected').textContent = 'from ' + body.source_lang + ' to ' + body.target_lang;
  } catch (error) {
    output.className = 'error';
    output.textContent = error.message;
  } finally {
    busy(button, false);
    afterSpending();
  }
});
`;

// Shown until /v2/languages answers (it needs the key); the same codes it lists.
const SOURCES: Array<[string, string]> = [
  ['auto', 'Detect language'],
  ['EN', 'English'],
  ['ZH', 'Chinese'],
  ['JA', 'Japanese'],
  ['DE', 'German'],
  ['FR', 'French'],
];
const TARGETS: Array<[string, string]> = [
  ['ZH-HANS', 'Chinese (simplified)'],
  ['ZH-HANT', 'Chinese (traditional)'],
  ['EN-US', 'English (American)'],
  ['JA', 'Japanese'],
  ['DE', 'German'],
  ['FR', 'French'],
];

function renderLanguageOptions(languages: Array<[string, string]>): string {
  return languages.map(([code, name]) => `<option value="${code}">${name}</option>`).join('');
}

function translateSettings(origin: string): ClientSetting[] {
  const deeplConfig = JSON.stringify(
    {
      translationServices: {
        deepl: {
          authKey: '<your-key>',
          freeApiUrl: `${origin}/v2/translate`,
          proApiUrl: `${origin}/v2/translate`,
          provider: 'custom',
        },
      },
    },
    null,
    2,
  );
  return [
    {
      title: 'Immersive Translate: DeepLX',
      note: 'Settings \u2192 Translation services \u2192 DeepLX (Beta) \u2192 API URL.',
      text: `${origin}/translate?token=<your-key>`,
    },
    {
      title: 'Immersive Translate: DeepL with a custom endpoint',
      note: 'Settings \u2192 Developer settings \u2192 edit the user configuration, merging this in.',
      text: deeplConfig,
    },
    {
      title: 'Immersive Translate: Custom API',
      note: 'Translation services \u2192 Custom API \u2192 API URL.',
      text: `${origin}/imme?token=<your-key>`,
    },
    {
      title: 'Immersive Translate: OpenAI, through the chat gateway',
      note: 'Translation services \u2192 OpenAI \u2192 custom API key and endpoint. Plain chat with Immersive\u2019s own prompt; for this gateway\u2019s guarantees (layout, glossaries, cache) use the services above with the LLM engine.',
      text: `API key:  <your-chat-gateway-key>\nEndpoint: https://<chat-gateway>/v1/chat/completions\nModel:    @cf/google/gemma-4-26b-a4b-it`,
    },
    {
      title: 'Engines: m2m100 or an LLM',
      note: 'TRANSLATE_ENGINE (m2m100 default, or llm) and TRANSLATE_MODEL set the default; per request DeepL\u2019s model_type (quality_optimized \u2192 LLM, latency_optimized \u2192 m2m100) or a DeepLX body\u2019s engine. Responses name the engine in x-translation-engine.',
      text: `curl '${origin}/translate?token=<your-key>' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"text":"Hello, world!","target_lang":"DE","engine":"llm"}'`,
    },
    {
      title: 'Bob (bob-plugin-deeplx)',
      text: `URL:   ${origin}/translate\nToken: <your-key>`,
    },
    {
      title: 'pot (DeepLX)',
      text: `${origin}/translate?token=<your-key>`,
    },
    {
      title: 'deepl-node',
      text: `import * as deepl from 'deepl-node';\n\nconst translator = new deepl.Translator('<your-key>', { serverUrl: '${origin}' });\nconst result = await translator.translateText('Hello, world!', null, 'de');\nconsole.log(result.text, result.detectedSourceLang);`,
    },
    {
      title: 'curl (DeepLX)',
      text: `curl '${origin}/translate?token=<your-key>' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"text":"Hello, world!","source_lang":"auto","target_lang":"ZH"}'`,
    },
  ];
}

/**
 * The translate gateway's home page: the shared dashboard with Immersive Translate (DeepLX,
 * DeepL custom endpoint, Custom API, OpenAI through the chat gateway), the engine choice, Bob,
 * pot and deepl-node settings, and a translate box
 * whose language pickers come from `/v2/languages`.
 */
export function renderTranslateDashboard(options: DashboardOptions): Promise<Response> {
  const playgroundHtml = `<form id="translate-form"><select id="translate-source" aria-label="From">${renderLanguageOptions(SOURCES)}</select> \u2192 <select id="translate-target" aria-label="To">${renderLanguageOptions(TARGETS)}</select> <small id="translate-detected"></small>
<textarea id="translate-input" aria-label="Text to translate" placeholder="Text to translate; line breaks are kept\u2026"></textarea><button id="translate-send">Translate</button></form>
<pre id="translate-output" aria-live="polite"></pre>`;
  return renderDashboard({
    name: 'translate-gateway',
    description:
      'DeepLX-, DeepL- and Immersive Translate-compatible translation on Cloudflare Workers AI \u2014 m2m100 or an LLM \u2014 with glossaries, formality, context and language detection.',
    options,
    settings: translateSettings(options.origin),
    playgroundHtml,
    playgroundScript: TRANSLATE_SCRIPT,
  });
}
