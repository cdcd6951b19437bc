// Bad input (SPEC §9): Random, truncated and incomplete multipart bodies on the multipart routes.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { makeMultipart, makeWav } from '../../lib/fixtures.mjs';
import { assertRouteExists, endpointKey, send } from '../suite-helpers.mjs';
import { AUTH as auth, checkProperty, suiteTools } from './bad-input-helpers.mjs';

/** Registers this family's tests; `context.environment` is started by the caller. */
export function multipartSuite(context) {
  const { runs, verify } = suiteTools(context);
  it('multipart routes: random, truncated and incomplete multipart bodies get 4xx in the envelope', {
    timeout: 120_000,
  }, async (_t) => {
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
      assertRouteExists(key, first);
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
}
