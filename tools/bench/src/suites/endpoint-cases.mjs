// Requests to every endpoint the reliability suites drive, each with a check that its answer is
// complete and correct. `make(index)` gives a fresh request (unique text defeats caches).
import { makeWav } from '../lib/fixtures.mjs';
import { GATEWAY_KEY, transcriptionRequest } from '../lib/scenarios.mjs';
import { openAiStreamProblems, openAiStreamText } from '../lib/sse.mjs';
import { ENDPOINTS } from './routes.mjs';

const auth = { authorization: `Bearer ${GATEWAY_KEY}` };
export const jsonRequest = (path, value, headers = {}) => ({
  method: 'POST',
  path,
  headers: { ...auth, 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

export function parseJson(response) {
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}

const wav = makeWav(0.5);
const run = () => Math.random().toString(36).slice(2, 10);
const SD_MODEL = '@cf/bytedance/stable-diffusion-xl-lightning';

function chatCheck(response) {
  const body = parseJson(response);
  const content = body?.choices?.[0]?.message?.content;
  if (body?.object !== 'chat.completion' || typeof content !== 'string' || content === '')
    return `not a chat completion: ${response.text.slice(0, 200)}`;
}

function streamCheck(expectedWords) {
  return (response) => {
    if (!String(response.headers?.['content-type']).startsWith('text/event-stream'))
      return `not an event stream: ${response.headers?.['content-type']}`;
    const problems = openAiStreamProblems(response.text);
    if (problems.length > 0) return problems.join('; ');
    const text = openAiStreamText(response.text).trim();
    if (text === '') return 'the stream carried no text';
    if (expectedWords !== undefined && text.split(/\s+/).length !== expectedWords)
      return `the stream carried ${text.split(/\s+/).length} words, expected ${expectedWords}`;
  };
}

/** Every endpoint case, by id. `stream` marks streamed answers; `binary` marks binary upstreams. */
export const ENDPOINT_CASES = {
  'chat.chat': {
    ...ENDPOINTS.chatCompletions,
    make: (index) =>
      jsonRequest('/v1/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `Hello ${index} ${run()} [[tokens=12]]` }],
      }),
    check: chatCheck,
  },
  'chat.chat-stream': {
    ...ENDPOINTS.chatCompletions,
    stream: true,
    make: (index) =>
      jsonRequest('/v1/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `Stream ${index} ${run()} [[tokens=40]]` }],
        stream: true,
      }),
    check: streamCheck(40),
  },
  'chat.completions-stream': {
    ...ENDPOINTS.completions,
    stream: true,
    make: (index) =>
      jsonRequest('/v1/completions', {
        model: 'gpt-3.5-turbo',
        prompt: `Continue ${index} ${run()} [[tokens=20]]`,
        stream: true,
      }),
    check: streamCheck(20),
  },
  'chat.embeddings': {
    ...ENDPOINTS.embeddings,
    make: (index) =>
      jsonRequest('/v1/embeddings', {
        model: 'text-embedding-3-small',
        input: [`first ${index}`, `second ${index}`, `third ${index}`],
        encoding_format: 'float',
      }),
    check: (response) => {
      const body = parseJson(response);
      if (body?.data?.length !== 3 || body.data[2].index !== 2 || body.data[0].embedding?.length !== 768)
        return `not three embeddings in order: ${response.text.slice(0, 200)}`;
    },
  },
  'chat.transcription': {
    ...ENDPOINTS.transcriptions,
    make: () => transcriptionRequest(wav),
    check: (response) => {
      const text = parseJson(response)?.text;
      if (typeof text !== 'string' || !text.includes('0.5 seconds'))
        return `not a transcript: ${response.text.slice(0, 200)}`;
    },
  },
  'image.generation': {
    ...ENDPOINTS.imageGenerations,
    binary: true,
    make: (index) =>
      jsonRequest('/v1/images/generations', {
        model: SD_MODEL,
        prompt: `a red kite ${index} ${run()}`,
        size: '256x256',
      }),
    check: (response) => {
      const url = parseJson(response)?.data?.[0]?.url;
      if (typeof url !== 'string' || !/\/images\/\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{64}\.png$/.test(url))
        return `no image URL: ${response.text.slice(0, 200)}`;
    },
  },
  'image.generation-flux': {
    ...ENDPOINTS.imageGenerations,
    make: (index) =>
      jsonRequest('/v1/images/generations', {
        model: 'dall-e-3',
        prompt: `a blue kite ${index} ${run()}`,
        response_format: 'b64_json',
      }),
    check: (response) => {
      const image = parseJson(response)?.data?.[0]?.b64_json;
      if (typeof image !== 'string' || !image.startsWith('/9j/'))
        return `no base64 JPEG: ${response.text.slice(0, 200)}`;
    },
  },
  'image.chat-stream': {
    ...ENDPOINTS.imageChat,
    binary: true,
    stream: true,
    make: (index) =>
      jsonRequest('/v1/chat/completions', {
        model: SD_MODEL,
        messages: [{ role: 'user', content: `a lighthouse ${index} ${run()}` }],
        size: '256x256',
        stream: true,
      }),
    check: (response) => {
      const problem = streamCheck()(response);
      if (problem) return problem;
      if (!/!\[[^\]]*\]\([^)]*\/images\/[^)]+\)/.test(openAiStreamText(response.text)))
        return 'the reply holds no markdown image';
    },
  },
  'translate.deeplx': {
    ...ENDPOINTS.translate,
    make: (index) =>
      jsonRequest('/translate', {
        text: `Good morning ${index} ${run()}.`,
        source_lang: 'EN',
        target_lang: 'DE',
      }),
    check: (response) => {
      const body = parseJson(response);
      if (body?.code !== 200 || typeof body.data !== 'string' || !body.data.startsWith('[de] Good morning'))
        return `not a DeepLX translation: ${response.text.slice(0, 200)}`;
    },
  },
  'translate.deepl': {
    ...ENDPOINTS.deeplTranslate,
    make: (index) =>
      jsonRequest(
        '/v2/translate',
        {
          text: [
            `Good morning, how are you today? (${index} ${run()})`,
            `Two more sentences follow. (${index} ${run()})`,
          ],
          source_lang: 'EN',
          target_lang: 'DE',
        },
        { authorization: `DeepL-Auth-Key ${GATEWAY_KEY}` },
      ),
    check: (response) => {
      const translations = parseJson(response)?.translations;
      if (
        translations?.length !== 2 ||
        !translations[1].text?.startsWith('[de] Two more') ||
        translations[0].detected_source_language !== 'EN'
      )
        return `not two DeepL translations in order: ${response.text.slice(0, 200)}`;
    },
  },
  'translate.imme': {
    ...ENDPOINTS.immersiveTranslate,
    make: (index) =>
      jsonRequest('/imme', {
        source_lang: 'auto',
        target_lang: 'zh-CN',
        text_list: [
          `Hello there, how are you today? (${index} ${run()})`,
          `See you again tomorrow morning. (${index} ${run()})`,
        ],
      }),
    check: (response) => {
      const translations = parseJson(response)?.translations;
      // `[zh]` is the simulator's mark of a translation: the text went upstream.
      if (
        translations?.length !== 2 ||
        typeof translations[1].text !== 'string' ||
        !translations[1].text.includes('[zh] See you')
      )
        return `not two Immersive Translate translations: ${response.text.slice(0, 200)}`;
    },
  },
};

/** The cases of one gateway. */
export function casesOf(gateway) {
  return Object.entries(ENDPOINT_CASES)
    .filter(([, endpointCase]) => endpointCase.gateway === gateway)
    .map(([id, endpointCase]) => ({ id, ...endpointCase }));
}
