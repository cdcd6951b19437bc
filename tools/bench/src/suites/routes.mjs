// @ts-check
// The one table of routes the reliability suites drive with a JSON body: each with a valid body
// whose mutations probe the route's schema. endpoint-cases.mjs builds its requests on the same
// endpoints (ENDPOINTS).
import { endpointKey } from './suite-helpers.mjs';

/**
 * Every endpoint the suites drive, by name.
 * @typedef {{ gateway: 'chat' | 'image' | 'translate', method: 'POST', path: string, key: string }} Endpoint
 */

/** @type {(gateway: Endpoint['gateway'], path: string) => Endpoint} */
const endpoint = (gateway, path) => ({
  gateway,
  method: 'POST',
  path,
  key: endpointKey(gateway, 'POST', path),
});

export const ENDPOINTS = {
  chatCompletions: endpoint('chat', '/v1/chat/completions'),
  completions: endpoint('chat', '/v1/completions'),
  embeddings: endpoint('chat', '/v1/embeddings'),
  transcriptions: endpoint('chat', '/v1/audio/transcriptions'),
  speech: endpoint('chat', '/v1/audio/speech'),
  imageGenerations: endpoint('image', '/v1/images/generations'),
  imageChat: endpoint('image', '/v1/chat/completions'),
  translate: endpoint('translate', '/translate'),
  translateV1: endpoint('translate', '/v1/translate'),
  deeplTranslate: endpoint('translate', '/v2/translate'),
  immersiveTranslate: endpoint('translate', '/imme'),
};

/**
 * @typedef {object} JsonRoute
 * @property {'chat' | 'image' | 'translate'} gateway
 * @property {string} path
 * @property {string} key `gateway POST /path`
 * @property {Record<string, unknown>} body a valid request body
 */

/** @type {(endpoint: Endpoint, body: Record<string, unknown>) => JsonRoute} */
const route = ({ gateway, path, key }, body) => ({ gateway, path, key, body });

/** @type {JsonRoute[]} */
export const JSON_ROUTES = [
  route(ENDPOINTS.chatCompletions, {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Hi' }],
    max_tokens: 16,
  }),
  route(ENDPOINTS.chatCompletions, {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
    stop: ['x'],
    tools: [],
  }),
  route(ENDPOINTS.completions, { model: 'gpt-3.5-turbo', prompt: 'Once', max_tokens: 16 }),
  route(ENDPOINTS.embeddings, {
    model: 'text-embedding-3-small',
    input: ['a', 'b'],
    encoding_format: 'float',
  }),
  route(ENDPOINTS.speech, { model: 'tts-1', input: 'Hello', voice: 'alloy' }),
  route(ENDPOINTS.imageGenerations, {
    model: '@cf/bytedance/stable-diffusion-xl-lightning',
    prompt: 'a cat',
    size: '256x256',
    n: 1,
  }),
  route(ENDPOINTS.imageChat, {
    model: '@cf/bytedance/stable-diffusion-xl-lightning',
    messages: [{ role: 'user', content: 'a dog' }],
    size: '256x256',
  }),
  route(ENDPOINTS.translate, { text: 'Hello', source_lang: 'EN', target_lang: 'DE' }),
  route(ENDPOINTS.translateV1, { text: 'Hello', source_lang: 'auto', target_lang: 'FR' }),
  route(ENDPOINTS.deeplTranslate, { text: ['Hello'], target_lang: 'FR', tag_handling: 'html' }),
  route(ENDPOINTS.immersiveTranslate, { source_lang: 'auto', target_lang: 'zh-CN', text_list: ['Hello'] }),
];
