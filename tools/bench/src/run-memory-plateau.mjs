#!/usr/bin/env node
// `pnpm bench` (after the table): the memory plateau of issue 11. Each gateway, in a fresh workerd
// process of its own (no dev server in front; R2, cache and Durable Object storage in files),
// serves BENCH_PLATEAU_REQUESTS (default 10,000) requests of the load mix at concurrency 64.
// Every 1,000 the Worker's own heap (in use after a full GC, read through workerd's inspector)
// and the process's RSS are read; the run fails when the heap at the end is past the bound from
// the heap half-way (memory-plateau.mjs). Writes bench-results/memory-plateau.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from 'tools-harness/paths';
import { startEnvironment } from './lib/start-environment.mjs';
import {
  connectHeapReader,
  formatReadings,
  measureMemoryPlateau,
  plateauOf,
} from './suites/memory-plateau.mjs';

const total = Number(process.env.BENCH_PLATEAU_REQUESTS ?? 10_000);
const log = (message) => process.stderr.write(`[plateau] ${message}\n`);

const environment = await startEnvironment({ passThrough: false, log });
const results = [];
let failed = false;
try {
  for (const gateway of ['chat', 'image', 'translate']) {
    await environment.restartGateway(gateway, { persistStorage: true, inspect: true });
    await environment.resetSimulator();
    const heap = await connectHeapReader(environment.gateways[gateway].inspectorPort);
    const started = performance.now();
    try {
      const { readings, failures } = await measureMemoryPlateau(environment, gateway, {
        total,
        checkpointEvery: 1000,
        heap,
      });
      const plateau = plateauOf(readings);
      const ok = failures.length === 0 && plateau.ok;
      failed ||= !ok;
      results.push({ gateway, total, readings, failures: failures.length, ...plateau, ok });
      console.log(
        `${gateway}: ${total} requests in ${((performance.now() - started) / 1000).toFixed(0)} s, ${failures.length} failed; ` +
          `heap / RSS (MiB) after N requests: ${formatReadings(readings)}; ${plateau.describe()} ${ok ? 'ok' : 'FAILED'}`,
      );
    } finally {
      heap.close();
    }
  }
} finally {
  await environment.stop();
}
const directory = join(ROOT, 'bench-results');
mkdirSync(directory, { recursive: true });
const report = {
  date: new Date().toISOString(),
  results: results.map(({ describe: _describe, ...rest }) => rest),
};
writeFileSync(join(directory, 'memory-plateau.json'), `${JSON.stringify(report, null, 2)}\n`);
if (failed) process.exitCode = 1;
