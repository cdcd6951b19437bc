// Bad input (SPEC §9): Path tricks on /images/: 404 without touching other objects; a real key is served.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { ENDPOINT_CASES, parseJson } from '../endpoint-cases.mjs';
import { assertRouteExists, endpointKey, send } from '../suite-helpers.mjs';
import { checkProperty, suiteTools } from './bad-input-helpers.mjs';

/** Registers this family's tests; `context.environment` is started by the caller. */
export function imagePathsSuite(context) {
  const { runs, verify } = suiteTools(context);
  it('image: path tricks on /images/ get 404 without touching other objects; a real key is served', {
    timeout: 120_000,
  }, async (_t) => {
    const environment = context.environment;
    const key = endpointKey('image', 'GET', '/images/*');
    const generation = ENDPOINT_CASES['image.generation'];
    const created = await send(environment, 'image', generation.make(0));
    assertRouteExists(endpointKey('image', 'POST', '/v1/images/generations'), created);
    assert.equal(generation.check(created), undefined);
    const url = new URL(parseJson(created).data[0].url);
    const good = await send(environment, 'image', { method: 'GET', path: url.pathname });
    assertRouteExists(key, good);
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
}
