// Bad input (SPEC §9): Random methods, paths and credentials on every gateway.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { GATEWAY_KEY } from '../../lib/scenarios.mjs';
import { answerProblems, assertNoProblems, send } from '../suite-helpers.mjs';
import { checkProperty, suiteTools } from './bad-input-helpers.mjs';

/** Registers this family's tests; `context.environment` is started by the caller. */
export function httpLayerSuite(context) {
  const { runs } = suiteTools(context);
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
