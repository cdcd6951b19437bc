// Bad input of every kind (SPEC §9), generated with fast-check: random JSON, wrong types, huge
// strings, invalid UTF-8, bad multipart, bad language codes, path tricks on /images/, and HTTP-level
// oddities. Every answer: no 5xx, no hang, an error in the route's envelope, no leaked secret.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { makeMultipart, makeWav } from '../lib/fixtures.mjs';
import { endpointKey } from '../lib/pending-endpoints.mjs';
import { GATEWAY_KEY } from '../lib/scenarios.mjs';
import { ENDPOINT_CASES, jsonRequest, parseJson } from './endpoint-cases.mjs';
import { answerProblems, assertNoProblems, isUnknownRoute, send, skipIfPending } from './suite-helpers.mjs';

const auth = { authorization: `Bearer ${GATEWAY_KEY}` };

/** JSON routes with a valid body each; mutations of it probe the route's schema. */
const JSON_ROUTES = [
  {
    gateway: 'chat',
    path: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 16 },
  },
  {
    gateway: 'chat',
    path: '/v1/chat/completions',
    body: {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stop: ['x'],
      tools: [],
    },
  },
  {
    gateway: 'chat',
    path: '/v1/completions',
    body: { model: 'gpt-3.5-turbo', prompt: 'Once', max_tokens: 16 },
  },
  {
    gateway: 'chat',
    path: '/v1/embeddings',
    body: { model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' },
  },
  { gateway: 'chat', path: '/v1/audio/speech', body: { model: 'tts-1', input: 'Hello', voice: 'alloy' } },
  {
    gateway: 'image',
    path: '/v1/images/generations',
    body: { model: '@cf/bytedance/stable-diffusion-xl-lightning', prompt: 'a cat', size: '256x256', n: 1 },
  },
  {
    gateway: 'image',
    path: '/v1/chat/completions',
    body: {
      model: '@cf/bytedance/stable-diffusion-xl-lightning',
      messages: [{ role: 'user', content: 'a dog' }],
      size: '256x256',
    },
  },
  { gateway: 'translate', path: '/translate', body: { text: 'Hello', source_lang: 'EN', target_lang: 'DE' } },
  {
    gateway: 'translate',
    path: '/v1/translate',
    body: { text: 'Hello', source_lang: 'auto', target_lang: 'FR' },
  },
  {
    gateway: 'translate',
    path: '/v2/translate',
    body: { text: ['Hello'], target_lang: 'FR', tag_handling: 'html' },
  },
  {
    gateway: 'translate',
    path: '/imme',
    body: { source_lang: 'auto', target_lang: 'zh-CN', text_list: ['Hello'] },
  },
];

/** Values of the wrong type, odd shape or extreme size for any field. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    1.5,
    '',
    ' ',
    '\u0000',
    '\ud800',
    '__proto__',
    [],
    {},
    [[]],
    { __proto__: null },
  ),
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'x'.repeat(length)),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 300 }),
);

/** A valid body with one field (existing or new) replaced or removed. */
const mutatedBody = (body) =>
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...Object.keys(body)), fc.string({ maxLength: 12 })),
      oddValue,
      fc.boolean(),
    )
    .map(([field, value, remove]) => {
      const copy = { ...body };
      if (remove) delete copy[field];
      else copy[field] = value;
      return copy;
    });

async function routeAnswers(t, environment, gateway, key, request) {
  const response = await send(environment, gateway, request);
  return skipIfPending(t, key, response) ? undefined : response;
}

/** Runs a fast-check property whose predicate sends one request and checks its answer. */
async function checkProperty(arbitrary, predicate, numRuns) {
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns, endOnFailure: true });
}

/** Registers the bad-input tests; `context.environment` is started by the caller. */
export function badInputSuite(context) {
  const runs = (base) => (context.heavy ? base * 10 : base);
  const verify = async (gateway, request, description) => {
    const response = await send(context.environment, gateway, request);
    assertNoProblems(
      answerProblems(context.environment, gateway, request.path, response, { method: request.method }),
      `${description} ${request.method} ${request.path} → ${response.status}`,
    );
    return response;
  };

  for (const route of JSON_ROUTES) {
    const key = endpointKey(route.gateway, 'POST', route.path);
    const label = `${route.gateway} ${route.path}${route.body.stream ? ' (stream)' : ''}`;
    it(`${label}: random JSON and mutated fields never give a 5xx, a hang or a bare error`, {
      timeout: 120_000,
    }, async (t) => {
      const environment = context.environment;
      const baseline = await routeAnswers(
        t,
        environment,
        route.gateway,
        key,
        jsonRequest(route.path, route.body),
      );
      if (!baseline) return;
      assert.equal(baseline.status, 200, `the valid body must succeed: ${baseline.text.slice(0, 300)}`);
      await checkProperty(
        fc.jsonValue({ maxDepth: 4 }),
        async (value) => {
          const response = await verify(route.gateway, jsonRequest(route.path, value), 'random JSON');
          // A random value is almost never a valid request; when it is, it must have worked.
          if (response.status < 400) assert.equal(response.status, 200);
        },
        runs(15),
      );
      await checkProperty(
        mutatedBody(route.body),
        async (body) => {
          const response = await verify(
            route.gateway,
            jsonRequest(route.path, body),
            `mutated ${JSON.stringify(body).slice(0, 200)}`,
          );
          if (
            response.status === 200 &&
            String(response.headers['content-type']).startsWith('text/event-stream')
          ) {
            assert.match(response.text.trimEnd(), /data: \[DONE\]$/, 'a stream must end with [DONE]');
          }
        },
        runs(25),
      );
    });
  }

  it('every JSON route: malformed JSON, invalid UTF-8, wrong content types and oversized bodies get 4xx in the envelope', {
    timeout: 120_000,
  }, async (t) => {
    const environment = context.environment;
    for (const route of JSON_ROUTES) {
      const key = endpointKey(route.gateway, 'POST', route.path);
      if (!(await routeAnswers(t, environment, route.gateway, key, jsonRequest(route.path, route.body))))
        return;
      const raw = (body, contentType = 'application/json') => ({
        method: 'POST',
        path: route.path,
        headers: { ...auth, 'content-type': contentType },
        body,
      });
      const expect4xx = async (request, description) => {
        const response = await verify(route.gateway, request, description);
        assert.ok(
          response.status >= 400 && response.status < 500,
          `${description} on ${route.path}: expected 4xx, got ${response.status}`,
        );
        return response;
      };
      await expect4xx(raw('{"model": '), 'cut-off JSON');
      await expect4xx(raw(''), 'empty body');
      await expect4xx(
        raw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])),
        'invalid UTF-8',
      );
      await expect4xx(raw(Buffer.from([0xef, 0xbb, 0xbf, 0x5b, 0x5d])), 'BOM and an array');
      // A JSON body under another content type may be read leniently; it must never break.
      await verify(route.gateway, raw(JSON.stringify(route.body), 'text/plain'), 'text/plain content type');
      await expect4xx(
        raw(Buffer.from(JSON.stringify(route.body), 'utf16le'), 'application/json; charset=utf-16'),
        'UTF-16 body',
      );
      const limit = route.path === '/v2/translate' ? 128 * 1024 : 1024 * 1024;
      const oversized = raw(JSON.stringify({ ...route.body, padding: 'x'.repeat(limit + 16) }));
      // The gateway answers 413 from Content-Length without reading the body, and workerd then
      // closes the connection; a client still uploading can see ECONNRESET before it reads the
      // 413 (a race of the TCP close, not of the gateway). Such an attempt is sent again; a 413
      // must come back within a few attempts, and anything else fails at once.
      let huge;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await send(context.environment, route.gateway, oversized);
        if (response.status === 0 && /ECONNRESET|EPIPE|socket hang up/.test(response.error ?? '')) continue;
        assertNoProblems(
          answerProblems(context.environment, route.gateway, oversized.path, response, { method: 'POST' }),
          `oversized body POST ${oversized.path} → ${response.status}`,
        );
        huge = response;
        break;
      }
      assert.equal(huge?.status, 413, `an oversized body on ${route.path} must get 413`);
      await checkProperty(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        async (bytes) => {
          await verify(route.gateway, raw(Buffer.from(bytes)), 'random bytes');
        },
        runs(8),
      );
    }
  });

  it('multipart routes: random, truncated and incomplete multipart bodies get 4xx in the envelope', {
    timeout: 120_000,
  }, async (t) => {
    const environment = context.environment;
    const wav = makeWav(0.2);
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const routes = [
      {
        gateway: 'chat',
        path: '/v1/audio/transcriptions',
        file: ['file', { filename: 'a.wav', contentType: 'audio/wav', bytes: wav }],
        fields: [['model', 'whisper-1']],
      },
      {
        gateway: 'chat',
        path: '/v1/audio/translations',
        file: ['file', { filename: 'a.wav', contentType: 'audio/wav', bytes: wav }],
        fields: [['model', 'whisper-1']],
      },
      {
        gateway: 'image',
        path: '/v1/images/edits',
        file: ['image', { filename: 'a.png', contentType: 'image/png', bytes: png }],
        fields: [['prompt', 'a hat']],
      },
    ];
    for (const route of routes) {
      const key = endpointKey(route.gateway, 'POST', route.path);
      const probe = makeMultipart([...route.fields]);
      const first = await send(environment, route.gateway, {
        method: 'POST',
        path: route.path,
        headers: { ...auth, 'content-type': probe.contentType },
        body: probe.body,
      });
      if (skipIfPending(t, key, first)) return;
      const post = (body, contentType) => ({
        method: 'POST',
        path: route.path,
        headers: { ...auth, 'content-type': contentType },
        body,
      });
      const good = makeMultipart([...route.fields, route.file]);
      const cases = [
        post(good.body.subarray(0, good.body.length >> 1), good.contentType),
        post(good.body, 'multipart/form-data'),
        post(good.body, 'multipart/form-data; boundary=wrong'),
        post(Buffer.from('not multipart at all'), good.contentType),
        post(makeMultipart(route.fields).body, makeMultipart(route.fields).contentType),
        post(
          makeMultipart([...route.fields, [route.file[0], 'a string, not a file']]).body,
          makeMultipart([...route.fields, [route.file[0], 'a string, not a file']]).contentType,
        ),
        post(good.body, 'application/json'),
      ];
      for (const [index, request] of cases.entries()) {
        const response = await verify(route.gateway, request, `multipart case ${index}`);
        assert.ok(
          response.status >= 400 && response.status < 500,
          `multipart case ${index} on ${route.path}: expected 4xx, got ${response.status} ${response.text.slice(0, 200)}`,
        );
      }
      const boundary = 'fuzzboundary';
      await checkProperty(
        fc.uint8Array({ maxLength: 2048 }),
        async (bytes) => {
          const body = Buffer.concat([
            Buffer.from(
              `--${boundary}\r\ncontent-disposition: form-data; name="${route.file[0]}"; filename="x"\r\n\r\n`,
            ),
            Buffer.from(bytes),
          ]);
          await verify(
            route.gateway,
            post(body, `multipart/form-data; boundary=${boundary}`),
            'random multipart',
          );
        },
        runs(10),
      );
    }
  });

  it("translate: bad language codes get 400 in each protocol's envelope", { timeout: 120_000 }, async (t) => {
    const environment = context.environment;
    const badCode = fc.oneof(
      // Only codes whose language part is no language at all: a known language with an odd or
      // unknown region or script (`EN-XX`, `zh-Hanx`, `zh-`) may reasonably fall back to it.
      fc.constantFrom(
        'XX',
        'QQ',
        '-',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'en\u0000',
        'EN GB',
        'a'.repeat(5000),
      ),
      fc
        .string({ minLength: 4, maxLength: 12 })
        .filter((code) => !/^\s*[a-z]{2,3}\s*([-_]|$)/i.test(code) && code.trim().toLowerCase() !== 'auto'),
    );
    const routes = [
      {
        path: '/translate',
        body: (code, target) =>
          target
            ? { text: 'Hi', source_lang: 'EN', target_lang: code }
            : { text: 'Hi', source_lang: code, target_lang: 'DE' },
      },
      {
        path: '/v2/translate',
        body: (code, target) =>
          target
            ? { text: ['Hi'], target_lang: code }
            : { text: ['Hi'], source_lang: code, target_lang: 'DE' },
      },
      {
        path: '/imme',
        body: (code, target) =>
          target
            ? { text_list: ['Hi'], source_lang: 'en', target_lang: code }
            : { text_list: ['Hi'], source_lang: code, target_lang: 'de' },
      },
    ];
    for (const route of routes) {
      const key = endpointKey('translate', 'POST', route.path);
      if (
        !(await routeAnswers(
          t,
          environment,
          'translate',
          key,
          jsonRequest(route.path, route.body('DE', true)),
        ))
      )
        return;
      await checkProperty(
        fc.tuple(badCode, fc.boolean()),
        async ([code, target]) => {
          const response = await verify(
            'translate',
            jsonRequest(route.path, route.body(code, target)),
            `language ${JSON.stringify(code.slice(0, 40))}`,
          );
          assert.equal(
            response.status,
            400,
            `${route.path} with ${target ? 'target' : 'source'} ${JSON.stringify(code.slice(0, 40))}: ${response.text.slice(0, 200)}`,
          );
        },
        runs(15),
      );
    }
  });

  it('image: path tricks on /images/ get 404 without touching other objects; a real key is served', {
    timeout: 120_000,
  }, async (t) => {
    const environment = context.environment;
    const key = endpointKey('image', 'GET', '/images/*');
    const generation = ENDPOINT_CASES['image.generation'];
    const created = await send(environment, 'image', generation.make(0));
    if (
      isUnknownRoute(created) &&
      skipIfPending(t, endpointKey('image', 'POST', '/v1/images/generations'), created)
    )
      return;
    assert.equal(generation.check(created), undefined);
    const url = new URL(parseJson(created).data[0].url);
    const good = await send(environment, 'image', { method: 'GET', path: url.pathname });
    if (skipIfPending(t, key, good)) return;
    assert.equal(good.status, 200, 'the stored image is served');
    assert.equal(good.headers['content-type'], 'image/png');
    const [, year, month, day, hash] =
      /^\/images\/(\d+)\/(\d+)\/(\d+)\/([0-9a-f]+)\.png$/.exec(url.pathname) ?? [];
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2E',
      '%2f',
      '%2F',
      '',
      'images',
      year,
      month,
      day,
      `${hash}.png`,
      hash.toUpperCase(),
      `${hash}.PNG`,
      `${hash}.png%00`,
      `${hash}.jpg`,
      '%00',
      '~',
      'a'.repeat(300),
      `${hash}.png?x=1`,
      '%252e%252e',
      '\\..\\',
    );
    // URL parsing resolves dot segments before the Worker sees the path: `/images/./<key>` is the
    // stored image itself, `/images/..` is the public home page (GET only), `/images/%2e%2e/x` is `/x` (an
    // unknown route, which needs a key first: 401). Anything else under /images/ is a 404 (or 400).
    const expectNoImage = async (path) => {
      const normalised = new URL(path, 'http://gateway.test').pathname;
      for (const method of ['GET', 'HEAD']) {
        const response = await verify('image', { method, path }, 'image path');
        if (normalised === url.pathname) continue;
        const allowed = normalised.startsWith('/images/')
          ? [400, 404]
          : normalised === '/' || normalised === '/healthz'
            ? [200, 404]
            : [400, 401, 404];
        assert.ok(
          allowed.includes(response.status),
          `${method} ${path}: expected ${allowed.join(' or ')}, got ${response.status}`,
        );
        assert.ok(
          !String(response.headers['content-type']).startsWith('image/'),
          `${method} ${path} served an image`,
        );
      }
    };
    await checkProperty(
      fc.array(segment, { minLength: 1, maxLength: 7 }),
      async (segments) => {
        await expectNoImage(`/images/${segments.join('/')}`);
      },
      runs(30),
    );
    for (const path of [
      `${url.pathname}x`,
      url.pathname.toUpperCase(),
      url.pathname.replace('.png', '%2epng'),
      url.pathname.replace(hash, hash.toUpperCase()),
      `/images/${year}/${month}/${day}/`,
      '/images/',
      '/images',
    ]) {
      await expectNoImage(path);
    }
  });

  it('HTTP layer: random methods, paths and credentials never give a 5xx or a bare error', {
    timeout: 120_000,
  }, async () => {
    const environment = context.environment;
    const method = fc.constantFrom(
      'GET',
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'HEAD',
      'OPTIONS',
      'TRACE',
      'PROPFIND',
    );
    const path = fc.oneof(
      fc.constantFrom(
        '/',
        '/healthz',
        '/v1/models',
        '/v1/models/%2e%2e',
        '/v1/models/@cf/meta/llama-3.1-8b-instruct-fast',
        '/v1/usage',
        '/v1/chat/completions',
        '/v2/translate',
        '/v2/usage',
        '/v2/languages?type=target',
        '/translate',
        '/imme',
        '//v1//models',
        '/%00',
        '/v1/chat/completions/../../v1/models',
        '/images/../v1/models',
      ),
      fc.webPath().map((value) => value || '/'),
    );
    const credentials = fc.constantFrom(
      {},
      { authorization: `Bearer ${GATEWAY_KEY}` },
      { authorization: 'Bearer wrong-key' },
      { authorization: 'Bearer' },
      { authorization: `bearer ${GATEWAY_KEY} extra` },
      { authorization: `Basic ${Buffer.from(`user:${GATEWAY_KEY}`).toString('base64')}` },
      { authorization: `DeepL-Auth-Key ${GATEWAY_KEY}` },
      { 'x-api-key': 'x'.repeat(8000) },
      {
        authorization: `Bearer ${GATEWAY_KEY}`,
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
      },
    );
    const body = fc.option(
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 200 }),
      ),
      { nil: undefined },
    );
    for (const gateway of ['chat', 'image', 'translate']) {
      await checkProperty(
        fc.tuple(method, path, credentials, body),
        async ([verb, target, headers, payload]) => {
          const request = {
            method: verb,
            path: target,
            headers: {
              ...headers,
              ...(payload === undefined || verb === 'GET' || verb === 'HEAD'
                ? {}
                : { 'content-type': 'application/json' }),
            },
            body: verb === 'GET' || verb === 'HEAD' ? undefined : payload,
          };
          const response = await send(environment, gateway, request);
          if (response.notSendable) return;
          assertNoProblems(
            answerProblems(environment, gateway, target, response, { method: verb }),
            `${gateway} ${verb} ${target} ${JSON.stringify(headers).slice(0, 80)} → ${response.status}`,
          );
          if (
            !headers.authorization &&
            !headers['x-api-key'] &&
            verb === 'POST' &&
            response.status < 400 &&
            target !== '/'
          ) {
            assert.fail(`${gateway} ${verb} ${target} answered ${response.status} without a key`);
          }
        },
        runs(25),
      );
    }
  });
}
