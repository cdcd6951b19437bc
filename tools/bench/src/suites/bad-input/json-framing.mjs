// Bad input (SPEC §9): Malformed JSON, invalid UTF-8, wrong content types and oversized bodies on every JSON route.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { jsonRequest } from '../endpoint-cases.mjs';
import { JSON_ROUTES } from '../routes.mjs';
import { answerProblems, assertNoProblems, endpointKey, send } from '../suite-helpers.mjs';
import { AUTH as auth, checkProperty, routeAnswers, suiteTools } from './bad-input-helpers.mjs';

/** Registers this family's tests; `context.environment` is started by the caller. */
export function jsonFramingSuite(context) {
  const { runs, verify } = suiteTools(context);
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
}
