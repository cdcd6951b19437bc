// Bad input (SPEC §9): Bad language codes on the translate routes, in each protocol's envelope.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { jsonRequest } from '../endpoint-cases.mjs';
import { endpointKey } from '../suite-helpers.mjs';
import { checkProperty, routeAnswers, suiteTools } from './bad-input-helpers.mjs';

/** Registers this family's tests; `context.environment` is started by the caller. */
export function languageCodesSuite(context) {
  const { runs, verify } = suiteTools(context);
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
}
