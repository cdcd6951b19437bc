// The reliability suites of issue 8, against the gateways' production bundles in workerd with the
// simulator in another process, all on 127.0.0.1 ports of their own. BENCH_HEAVY=1 runs the full
// sizes (1,000 requests per gateway, 10x the generated inputs, longer latencies).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEnvironment } from '../src/lib/start-environment.mjs';
import { adversarialCpuSuite } from '../src/suites/adversarial-cpu-suite.mjs';
import { audioMemorySuite } from '../src/suites/audio-memory-suite.mjs';
import { badInputSuite } from '../src/suites/bad-input-suite.mjs';
import { ENDPOINT_CASES } from '../src/suites/endpoint-cases.mjs';
import { faultSuite } from '../src/suites/fault-suite.mjs';
import { loadSuite } from '../src/suites/load-suite.mjs';
import { isUnknownRoute, send } from '../src/suites/suite-helpers.mjs';

const context = { environment: undefined, heavy: process.env.BENCH_HEAVY === '1' };

before(
  async () => {
    context.environment = await startEnvironment({
      passThrough: false,
      log: (message) => process.stdout.write(`# ${message}\n`),
    });
  },
  { timeout: 240_000 },
);

after(async () => {
  await context.environment?.stop();
});

describe('endpoints', () => {
  it('every endpoint the suites drive exists and works', async () => {
    for (const [id, endpointCase] of Object.entries(ENDPOINT_CASES)) {
      const response = await send(context.environment, endpointCase.gateway, endpointCase.make(0));
      assert.ok(!isUnknownRoute(response), `${id}: ${endpointCase.key} answers "unknown route"`);
      assert.equal(endpointCase.check(response), undefined, `${id} must work: ${response.status}`);
    }
  });
});

// Bad input first, then faults (whose 4006 cases restart the gateway they spent), then load,
// which restarts each gateway for a clean memory baseline.
describe('bad input', () => badInputSuite(context));
describe('faults', () => faultSuite(context));
describe('load', () => loadSuite(context));
describe('audio memory', () => audioMemorySuite(context));
describe('adversarial CPU', () => adversarialCpuSuite(context));
