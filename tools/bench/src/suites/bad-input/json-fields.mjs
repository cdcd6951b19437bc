// Bad input (SPEC §9): Random JSON and mutated fields on every JSON route (one test per route).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { jsonRequest } from '../endpoint-cases.mjs';
import { JSON_ROUTES } from '../routes.mjs';
import { checkProperty, mutatedBody, routeAnswers, suiteTools } from './bad-input-helpers.mjs';

/** Registers this family's tests; `context.environment` is started by the caller. */
export function jsonFieldsSuite(context) {
  const { runs, verify } = suiteTools(context);
  for (const route of JSON_ROUTES) {
    const { key } = route;
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
}
