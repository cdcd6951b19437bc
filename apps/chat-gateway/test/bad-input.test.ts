import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';
import { gatewayFetch, testEnv } from './helpers';

const simulator = createSimulator();
const fetchGateway = gatewayFetch(testEnv(simulator));

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetchGateway(path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { type: string; param: string | null; code: string } },
  };
}

const chat = (body: Record<string, unknown>) =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], ...body });

describe('bad input gets an OpenAI error envelope, never a 500', () => {
  it.each([
    ['malformed JSON', '/v1/chat/completions', '{"model": ', 400, null],
    ['a JSON array body', '/v1/chat/completions', '[]', 400, null],
    ['no messages', '/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini' }), 400, 'messages'],
    ['empty messages', '/v1/chat/completions', chat({ messages: [] }), 400, 'messages'],
    [
      'a number as content',
      '/v1/chat/completions',
      chat({ messages: [{ role: 'user', content: 1 }] }),
      400,
      'messages[0].content',
    ],
    [
      'a tool message without its call id',
      '/v1/chat/completions',
      chat({ messages: [{ role: 'tool', content: 'x' }] }),
      400,
      'messages[0].tool_call_id',
    ],
    ['temperature as a string', '/v1/chat/completions', chat({ temperature: '1' }), 400, 'temperature'],
    ['temperature out of range', '/v1/chat/completions', chat({ temperature: 3 }), 400, 'temperature'],
    ['max_tokens of zero', '/v1/chat/completions', chat({ max_tokens: 0 }), 400, 'max_tokens'],
    ['n above 8', '/v1/chat/completions', chat({ n: 9 }), 400, 'n'],
    ['logprobs', '/v1/chat/completions', chat({ logprobs: true }), 400, 'logprobs'],
    [
      'audio output',
      '/v1/chat/completions',
      chat({ modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'mp3' } }),
      400,
      'audio',
    ],
    [
      'an unknown response_format',
      '/v1/chat/completions',
      chat({ response_format: { type: 'xml' } }),
      400,
      'response_format.type',
    ],
    [
      'JSON mode on a model without it',
      '/v1/chat/completions',
      chat({
        model: '@cf/mistralai/mistral-small-3.1-24b-instruct',
        response_format: { type: 'json_object' },
      }),
      400,
      'response_format',
    ],
    [
      'tools on a model without tool calling',
      '/v1/chat/completions',
      chat({
        model: '@cf/meta/llama-3.2-1b-instruct',
        tools: [{ type: 'function', function: { name: 'a' } }],
      }),
      400,
      'tools',
    ],
    [
      'an http: image',
      '/v1/chat/completions',
      chat({
        model: '@cf/meta/llama-4-scout-17b-16e-instruct',
        messages: [
          { role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://10.0.0.1/x.png' } }] },
        ],
      }),
      400,
      'messages[0].content[0].image_url.url',
    ],
    [
      'an embeddings model for chat',
      '/v1/chat/completions',
      chat({ model: 'text-embedding-3-small' }),
      400,
      'model',
    ],
    [
      'a wrong encoding_format',
      '/v1/embeddings',
      JSON.stringify({ model: 'text-embedding-3-small', input: 'x', encoding_format: 'int8' }),
      400,
      'encoding_format',
    ],
    [
      'a speech format MeloTTS cannot make',
      '/v1/audio/speech',
      JSON.stringify({ model: 'tts-1', input: 'x', voice: 'alloy', response_format: 'opus' }),
      400,
      'response_format',
    ],
  ])('%s', async (_name, path, body, status, param) => {
    const result = await post(path, body);
    expect(result.status).toBe(status);
    expect(result.body.error.type).toBe('invalid_request_error');
    expect(result.body.error.param).toBe(param);
  });

  it('answers an unknown model with 404 model_not_found', async () => {
    const result = await post('/v1/chat/completions', chat({ model: 'gpt-99-ultra' }));
    expect(result.status).toBe(404);
    expect(result.body.error).toMatchObject({ code: 'model_not_found', param: 'model' });
  });

  it('answers an oversized JSON body with 413', async () => {
    const big = chat({ messages: [{ role: 'user', content: 'x'.repeat(1024 * 1024 + 10) }] });
    const result = await post('/v1/chat/completions', big);
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('request_too_large');
  });

  it('maps an upstream validation failure to a 400 and an exhausted allocation to 429', async () => {
    simulator.injectFault({ kind: 'status', code: 5006 });
    expect((await post('/v1/chat/completions', chat({}))).status).toBe(400);
    simulator.injectFault({ kind: 'status', code: 4006 });
    const exhausted = await post('/v1/chat/completions', chat({}));
    expect(exhausted.status).toBe(429);
    expect(exhausted.body.error.code).toBe('insufficient_quota');
  });
});
