// Helpers every bad-input family shares: the key header, a route's first answer, a fast-check
// property over requests, and the per-run sizes.
import fc from 'fast-check';
import { GATEWAY_KEY } from '../../lib/scenarios.mjs';
import { answerProblems, assertNoProblems, assertRouteExists, send } from '../suite-helpers.mjs';

export const AUTH = { authorization: `Bearer ${GATEWAY_KEY}` };

/** Values of the wrong type, odd shape or extreme size for any field. */
export const oddValue = fc.oneof(
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
export const mutatedBody = (body) =>
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

/** Sends `request` to `gateway` and fails unless the endpoint `key` exists. */
export async function routeAnswers(_t, environment, gateway, key, request) {
  const response = await send(environment, gateway, request);
  assertRouteExists(key, response);
  return response;
}

/** Runs a fast-check property whose predicate sends one request and checks its answer. */
export async function checkProperty(arbitrary, predicate, numRuns) {
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns, endOnFailure: true });
}

/**
 * `runs(base)`: how many generated cases a property runs (10x under BENCH_HEAVY=1); `verify`: sends a
 * request and fails on any problem with its answer (5xx, hang, wrong envelope, leaked secret).
 */
export function suiteTools(context) {
  const runs = (base) => (context.heavy ? base * 10 : base);
  const verify = async (gateway, request, description) => {
    const response = await send(context.environment, gateway, request);
    assertNoProblems(
      answerProblems(context.environment, gateway, request.path, response, { method: request.method }),
      `${description} ${request.method} ${request.path} → ${response.status}`,
    );
    return response;
  };
  return { runs, verify };
}
