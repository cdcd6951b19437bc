import { describe, expect, it } from 'vitest';
import { createTestGateway, postJson, unique } from './call-worker';

const gateway = createTestGateway();

async function expectDeeplx(response: Response, status: number, message?: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { code: number; message: string };
  expect(body.code).toBe(status);
  if (typeof message === 'string') expect(body.message).toBe(message);
  else if (message) expect(body.message).toMatch(message);
  return body;
}

async function expectDeepl(response: Response, status: number, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['message']);
  if (message) expect(body.message).toMatch(message);
}

const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };

describe('DeepLX errors: {code, message} with the HTTP status equal to code', () => {
  it('401 for a bad token, in any of the three places', async () => {
    const body = { text: 'Hello', target_lang: 'DE' };
    await expectDeeplx(
      await gateway.call('/translate?token=nope', postJson(body)),
      401,
      'Invalid access token',
    );
    await expectDeeplx(
      await gateway.call('/translate', postJson(body, { authorization: 'Bearer nope' })),
      401,
    );
    await expectDeeplx(
      await gateway.call('/translate', postJson(body, { authorization: 'DeepL-Auth-Key nope' })),
      401,
    );
  });

  it('404 "No text to translate" for empty text', async () => {
    await expectDeeplx(
      await gateway.call('/translate?token=test-key', postJson({ text: '', target_lang: 'DE' })),
      404,
      'No text to translate',
    );
    await expectDeeplx(
      await gateway.call('/translate?token=test-key', postJson({ target_lang: 'DE' })),
      404,
      'No text to translate',
    );
  });

  it("400 with DeepLX's message for a bad tag_handling", async () => {
    await expectDeeplx(
      await gateway.call(
        '/translate?token=test-key',
        postJson({ text: 'Hi', target_lang: 'DE', tag_handling: 'markdown' }),
      ),
      400,
      "Invalid tag_handling value. Allowed values are 'html' and 'xml'.",
    );
  });

  it('400 naming the code for an unsupported language', async () => {
    await expectDeeplx(
      await gateway.call('/translate?token=test-key', postJson({ text: 'Hi', target_lang: 'XX' })),
      400,
      /'XX'/,
    );
    await expectDeeplx(
      await gateway.call(
        '/translate?token=test-key',
        postJson({ text: 'Hi', source_lang: 'tlh', target_lang: 'DE' }),
      ),
      400,
      /'tlh'/,
    );
  });

  it('400 for malformed JSON and wrong types, 404 "Path not found" for unknown paths', async () => {
    await expectDeeplx(
      await gateway.call('/translate?token=test-key', { method: 'POST', body: '{"text": "Hi", ' }),
      400,
    );
    await expectDeeplx(
      await gateway.call('/translate?token=test-key', postJson({ text: 42, target_lang: 'DE' })),
      400,
    );
    await expectDeeplx(
      await gateway.call('/nowhere?token=test-key', { method: 'POST' }),
      404,
      'Path not found',
    );
  });

  it('429 when the daily neuron budget is spent, 503 when Workers AI keeps failing: never 500', async () => {
    gateway.simulator.injectFault({ kind: 'status', code: 4006 });
    await expectDeeplx(
      await gateway.call(
        '/translate?token=test-key',
        postJson({ text: unique('Budget'), target_lang: 'DE' }),
      ),
      429,
    );
    gateway.simulator.injectFault({ kind: 'status', code: 500, times: 2 });
    await expectDeeplx(
      await gateway.call(
        '/translate?token=test-key',
        postJson({ text: unique('Failure'), target_lang: 'DE' }),
      ),
      503,
    );
  });

  it('413 for a body over DeepL’s 128 KiB on every DeepLX and Immersive route, never a silent truncation (issue 11.13)', async () => {
    // 154,000 characters: under the 1 MiB these routes used to accept.
    const text = 'All work and no play. '.repeat(7000);
    for (const path of ['/translate?token=test-key', '/v1/translate?token=test-key']) {
      await expectDeeplx(
        await gateway.call(path, postJson({ text, target_lang: 'DE' })),
        413,
        /larger than 131072 bytes/,
      );
    }
    await expectDeeplx(
      await gateway.call('/imme?token=test-key', postJson({ text_list: [text], target_lang: 'de' })),
      413,
      /larger than 131072 bytes/,
    );
    // 40,000 characters written as JSON escapes: 240,000 bytes, under the character limit.
    const escaped = `{"text":"${'\\u0041'.repeat(40_000)}","target_lang":"DE"}`;
    const headers = { 'content-type': 'application/json' };
    await expectDeeplx(
      await gateway.call('/translate?token=test-key', { method: 'POST', headers, body: escaped }),
      413,
      /larger than 131072 bytes/,
    );
    expect(gateway.translations().some((call) => call.text.includes('All work and no play'))).toBe(false);
  });
});

describe('DeepL v2 errors: {message} with DeepL statuses', () => {
  it('403 for a bad key', async () => {
    await expectDeepl(
      await gateway.call(
        '/v2/translate',
        postJson({ text: ['Hi'], target_lang: 'DE' }, { authorization: 'DeepL-Auth-Key nope' }),
      ),
      403,
    );
  });

  it('413 for a body over 128 KiB', async () => {
    const response = await gateway.call(
      '/v2/translate',
      postJson({ text: ['x'.repeat(140 * 1024)], target_lang: 'DE' }, deeplAuth),
    );
    await expectDeepl(response, 413);
  });

  it('400 in DeepL’s envelope for a multipart body that does not parse (issue 11.9)', async () => {
    for (const contentType of ['multipart/form-data; boundary=xyz', 'multipart/form-data']) {
      const response = await gateway.call('/v2/translate', {
        method: 'POST',
        headers: { ...deeplAuth, 'content-type': contentType },
        body: 'garbage \u0000 not a form',
      });
      await expectDeepl(response, 400, /multipart/);
    }
  });

  it('413 for more than 50 texts', async () => {
    const texts = Array.from({ length: 51 }, (_, index) => `Text ${index}`);
    await expectDeepl(
      await gateway.call('/v2/translate', postJson({ text: texts, target_lang: 'DE' }, deeplAuth)),
      413,
      /51/,
    );
  });

  it('456 when the budget is spent (upstream 4006)', async () => {
    gateway.simulator.injectFault({ kind: 'status', code: 4006 });
    await expectDeepl(
      await gateway.call(
        '/v2/translate',
        postJson({ text: [unique('Quota')], target_lang: 'DE' }, deeplAuth),
      ),
      456,
    );
  });

  it('400 for a missing text, an unsupported target and a bad tag_handling; malformed JSON too', async () => {
    await expectDeepl(
      await gateway.call('/v2/translate', postJson({ target_lang: 'DE' }, deeplAuth)),
      400,
      /text/,
    );
    await expectDeepl(
      await gateway.call('/v2/translate', postJson({ text: ['Hi'], target_lang: 'KLINGON' }, deeplAuth)),
      400,
      /'KLINGON'/,
    );
    await expectDeepl(
      await gateway.call(
        '/v2/translate',
        postJson({ text: ['Hi'], target_lang: 'DE', tag_handling: 'md' }, deeplAuth),
      ),
      400,
      /tag_handling/,
    );
    await expectDeepl(
      await gateway.call('/v2/translate', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...deeplAuth },
        body: '{nope',
      }),
      400,
    );
    await expectDeepl(
      await gateway.call('/v2/languages?type=everything', { headers: deeplAuth }),
      400,
      /type/,
    );
  });
});
