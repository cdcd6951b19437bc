#!/usr/bin/env node
// `pnpm bench`: each gateway's production bundle in workerd against the simulator (in another
// process), measured next to a bare pass-through Worker on the same simulator (SPEC §9).
// Writes bench-results/latest.json and prints a markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from 'tools-harness/paths';
import { machineDescription } from 'tools-harness/proc-stats';
import { measureWorker } from './lib/measure.mjs';
import { benchScenarios, floorRequest } from './lib/scenarios.mjs';
import { percentile, sendRequest } from './lib/send-request.mjs';
import { startEnvironment } from './lib/start-environment.mjs';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const TARGETS = {
  cpuRatio: 1.5,
  cpuRatioStream: 2,
  addedFirstTokenMs: 2,
  // Issue 17: against the floor Worker that does the least correct work for the route.
  cpuRatioFloor: 1.15,
  addedFirstTokenVsCopyMs: 0.5,
};

const floorCheck = (response) => (response.status === 200 ? undefined : `status ${response.status}`);

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const kib = (bytes) => bytes / 1024;
const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

async function main() {
  const startedAt = new Date();
  const began = performance.now();
  const machine = machineDescription();
  // Other processes on the machine skew every figure: the load average before and after says how much.
  const loadBefore = loadavg()[0];
  log(`${machine.cores} cores, ${machine.model}; node ${process.version}`);
  const environment = await startEnvironment({ log });
  const results = [];
  let failed = false;
  // Each gateway again with its platform services stubbed (issue 17): started at its first row,
  // and afresh for a row that restarts the gateway (the translate gateway's call budget).
  const stubbedGateways = {};
  try {
    // BENCH_ONLY=chat-stream,translate measures only those rows.
    const only = process.env.BENCH_ONLY?.split(',');
    for (const scenario of benchScenarios().filter((row) => !only || only.includes(row.id))) {
      if (scenario.restartFirst) await environment.restartGateway(scenario.gateway);
      const gateway = environment.gateways[scenario.gateway];
      const counts = Object.fromEntries(
        Object.entries(scenario.counts).map(([key, value]) => [
          key,
          Math.max(key === 'warmup' ? 1 : 4, Math.round(value * scale)),
        ]),
      );
      const probe = await sendRequest(gateway.url, { ...scenario.gatewayRequest(0), timeoutMs: 30_000 });
      const probeProblem =
        probe.status === 200
          ? scenario.check(probe)
          : `status ${probe.status}: ${(probe.text ?? probe.error ?? '').slice(0, 300)}`;
      if (probeProblem !== undefined) {
        failed = true;
        log(`${scenario.id}: FAILED, the gateway's answer is wrong: ${probeProblem}`);
        results.push({
          id: scenario.id,
          label: scenario.label,
          gateway: scenario.gateway,
          status: 'failed',
          problem: probeProblem,
        });
        continue;
      }
      log(`${scenario.id}: pass-through ${JSON.stringify(counts)}`);
      const passThrough = await measureWorker(
        environment.passThrough,
        scenario.passThroughRequest,
        scenario.checkPassThrough,
        counts,
      );
      const floors = {};
      for (const kind of scenario.floor === undefined
        ? []
        : scenario.stream
          ? [scenario.floor, 'copy', ...(process.env.BENCH_EXTRA_FLOORS?.split(',') ?? [])]
          : [scenario.floor]) {
        log(`${scenario.id}: floor ${kind}`);
        floors[kind] = await measureWorker(
          environment.passThrough,
          (index) => floorRequest(scenario, kind, index),
          // A floor that maps the gateway's own request must give an answer as complete.
          scenario.floorModel !== undefined && kind !== 'copy'
            ? (response) => floorCheck(response) ?? scenario.check(response)
            : floorCheck,
          counts,
        );
      }
      const callsBefore = (await environment.simulatorState()).calls;
      log(`${scenario.id}: gateway`);
      const measured = await measureWorker(gateway, scenario.gatewayRequest, scenario.check, counts);
      const callsAfter = (await environment.simulatorState()).calls;
      if (scenario.restartFirst || stubbedGateways[scenario.gateway] === undefined) {
        await stubbedGateways[scenario.gateway]?.stop();
        stubbedGateways[scenario.gateway] = await environment.startExtra({
          gateway: scenario.gateway,
          stubPlatform: true,
        });
      }
      log(`${scenario.id}: gateway, platform services stubbed`);
      const stubbed = await measureWorker(
        stubbedGateways[scenario.gateway],
        scenario.gatewayRequest,
        scenario.check,
        counts,
      );
      if (stubbed.failures > 0) failed = true;
      let firstToken;
      if (scenario.stream) {
        // Time to first token, interleaved (gateway, pass-through, straight to the simulator) so
        // that drift in the machine's load hits all three alike; c=1, the whole stream read.
        const samples = { gateway: [], own: [], passThrough: [], direct: [], jsCopy: [] };
        const rounds = Math.max(8, Math.round(30 * scale));
        for (let index = 0; index < rounds; index++) {
          const direct = scenario.passThroughRequest(20_000 + index);
          const targets = [
            ['gateway', gateway.url, scenario.gatewayRequest(20_000 + index)],
            ['passThrough', environment.passThrough.url, scenario.passThroughRequest(20_000 + index)],
            ['jsCopy', environment.passThrough.url, floorRequest(scenario, 'copy', 20_000 + index)],
            // The gateway with its platform services stubbed: no ledger round trip before the answer.
            ['own', stubbedGateways[scenario.gateway].url, scenario.gatewayRequest(30_000 + index)],
            [
              'direct',
              environment.simulator.url,
              {
                ...direct,
                path: `/client/v4/accounts/bench-account/ai/run/${direct.path.slice('/run/'.length)}`,
                headers: { ...direct.headers, authorization: `Bearer ${environment.secret}` },
              },
            ],
          ];
          for (const [name, url, request] of targets) {
            const response = await sendRequest(url, { ...request, keepAlive: true, timeoutMs: 30_000 });
            if (response.firstTokenMs !== undefined) samples[name].push(response.firstTokenMs);
          }
        }
        firstToken = Object.fromEntries(
          Object.entries(samples).map(([name, values]) => [
            name,
            { p50: percentile(values, 50), p99: percentile(values, 99), samples: values.length },
          ]),
        );
      }
      if (measured.failures > 0 || passThrough.failures > 0) failed = true;
      const cpuRatio = measured.cpuMsPerRequest / passThrough.cpuMsPerRequest;
      const cpuTarget = scenario.stream ? TARGETS.cpuRatioStream : TARGETS.cpuRatio;
      const row = {
        id: scenario.id,
        label: scenario.label,
        gateway: scenario.gateway,
        route: `${scenario.method} ${scenario.path}`,
        status: 'measured',
        counts,
        upstreamCallsPerRequest: (callsAfter - callsBefore) / (counts.warmup + counts.c1 + counts.c32),
        gatewayResult: measured,
        // The same gateway with the ledger's Durable Object, the Cache API and R2 stubbed: its own CPU.
        stubbedResult: stubbed,
        passThroughResult: passThrough,
        cpuRatio,
        cpuTarget,
        meetsCpuTarget: cpuRatio <= cpuTarget,
        addedLatencyMs: {
          c1: { p50: measured.c1.p50 - passThrough.c1.p50, p99: measured.c1.p99 - passThrough.c1.p99 },
          c32: { p50: measured.c32.p50 - passThrough.c32.p50, p99: measured.c32.p99 - passThrough.c32.p99 },
        },
        throughputRatio: measured.requestsPerSecond / passThrough.requestsPerSecond,
      };
      if (scenario.floor !== undefined) {
        const floor = floors[scenario.floor];
        row.floor = {
          kind: scenario.floor,
          result: floor,
          cpuRatio: measured.cpuMsPerRequest / floor.cpuMsPerRequest,
          cpuRatioStubbed: stubbed.cpuMsPerRequest / floor.cpuMsPerRequest,
          // Every floor measured for the row, BENCH_EXTRA_FLOORS included: CPU ms per request.
          allCpuMsPerRequest: Object.fromEntries(
            Object.entries(floors).map(([kind, result]) => [kind, result.cpuMsPerRequest]),
          ),
          ...(floors.copy === undefined
            ? {}
            : {
                jsCopy: floors.copy,
                cpuRatioJsCopy: measured.cpuMsPerRequest / floors.copy.cpuMsPerRequest,
              }),
        };
        // The floor Workers have no ledger, cache or R2 of their own (the image floor's R2 is the
        // same stub): the gateway's own CPU is what compares with them.
        row.meetsFloorTarget = row.floor.cpuRatioStubbed <= TARGETS.cpuRatioFloor;
        if (floor.failures > 0) failed = true;
      }
      if (scenario.stream) {
        row.firstTokenMs = {
          ...firstToken,
          addedVsPassThrough: firstToken.gateway.p50 - firstToken.passThrough.p50,
          addedVsDirect: firstToken.gateway.p50 - firstToken.direct.p50,
          duringLatencyPhase: { gateway: measured.firstTokenMs, passThrough: passThrough.firstTokenMs },
        };
        row.meetsFirstTokenTarget = row.firstTokenMs.addedVsPassThrough <= TARGETS.addedFirstTokenMs;
        row.firstTokenMs.addedVsJsCopy = firstToken.gateway.p50 - firstToken.jsCopy.p50;
        row.firstTokenMs.ownAddedVsJsCopy = firstToken.own.p50 - firstToken.jsCopy.p50;
      }
      results.push(row);
      log(
        `${scenario.id}: CPU ${fixed(measured.cpuMsPerRequest)} ms vs ${fixed(passThrough.cpuMsPerRequest)} ms (${fixed(cpuRatio)}x)`,
      );
    }
    const breakdown = await measureBreakdown(environment, scale);
    const bundles = Object.values(environment.gateways).map((gateway) => ({
      gateway: gateway.name,
      rawBytes: gateway.bundle.rawBytes,
      gzipBytes: gateway.bundle.gzipBytes,
      targetKiB: gateway.gzipTargetKiB,
      meetsTarget: kib(gateway.bundle.gzipBytes) <= gateway.gzipTargetKiB,
    }));
    const report = {
      startedAt: startedAt.toISOString(),
      seconds: (performance.now() - began) / 1000,
      machine: {
        ...machine,
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg()[0],
      },
      scale,
      targets: TARGETS,
      bundles,
      results,
      breakdown,
    };
    const directory = join(ROOT, 'bench-results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(renderMarkdown(report));
    log(`wrote bench-results/latest.json in ${fixed(report.seconds, 1)} s`);
  } finally {
    await environment.stop();
  }
  if (failed) {
    log('FAILED: some requests did not get a complete, correct answer (see above and latest.json)');
    process.exitCode = 1;
  }
}

/**
 * The floor every Worker here pays: a Worker that answers at once, without calling anything
 * (Miniflare's entry Worker and workerd's HTTP server).
 */
async function measureBreakdown(environment, scale) {
  if (process.env.BENCH_ONLY) return undefined;
  const chat = benchScenarios()[0];
  const counts = Object.fromEntries(
    Object.entries(chat.counts).map(([key, value]) => [
      key,
      Math.max(key === 'warmup' ? 1 : 4, Math.round(value * scale)),
    ]),
  );
  log('breakdown: null Worker');
  const nullWorker = await environment.startExtra({ nullWorker: true });
  const floor = await measureWorker(nullWorker, chat.passThroughRequest, undefined, counts);
  return { floorCpuMsPerRequest: floor.cpuMsPerRequest };
}

function renderMarkdown(report) {
  const lines = [];
  lines.push(
    `Bench of ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${report.machine.cores} × ${report.machine.model}, Node ${report.machine.node} (load average ${fixed(report.machine.loadAverageBefore, 1)} before, ${fixed(report.machine.loadAverageAfter, 1)} after); each gateway's production bundle in its own workerd (Miniflare), the simulator in another process. Ratios are gateway ÷ bare pass-through Worker on the same simulator.`,
  );
  lines.push('');
  lines.push(
    '| endpoint | CPU/request gateway (pass-through) | CPU ratio | added p50 / p99, c=1 | added p50 / p99, c=32 | req/s c=32 gateway (pass-through) | upstream calls/request |',
  );
  lines.push('|---|---|---|---|---|---|---|');
  for (const row of report.results) {
    if (row.status !== 'measured') {
      lines.push(`| ${row.label} | ${row.status} | | | | | |`);
      continue;
    }
    const gateway = row.gatewayResult;
    const passThrough = row.passThroughResult;
    const verdict = row.meetsCpuTarget ? '✓' : '✗';
    lines.push(
      `| ${row.label} | ${fixed(gateway.cpuMsPerRequest)} ms (${fixed(passThrough.cpuMsPerRequest)} ms) | ${fixed(row.cpuRatio)}× ${verdict} (≤ ${row.cpuTarget}×) | ` +
        `${fixed(row.addedLatencyMs.c1.p50, 1)} / ${fixed(row.addedLatencyMs.c1.p99, 1)} ms | ${fixed(row.addedLatencyMs.c32.p50, 1)} / ${fixed(row.addedLatencyMs.c32.p99, 1)} ms | ` +
        `${fixed(gateway.requestsPerSecond, 0)} (${fixed(passThrough.requestsPerSecond, 0)}) | ${fixed(row.upstreamCallsPerRequest, 1)} |`,
    );
  }
  const measuredRows = report.results.filter((row) => row.status === 'measured');
  if (measuredRows.length > 0) {
    lines.push('');
    lines.push(
      `Against the floor (issue 17): each row's floor Worker does the least correct work for the route (\`stream\`: split the events, parse each, write one OpenAI chunk per token; \`chat\`/\`embeddings\`: parse the answer, write the OpenAI shape; \`transcription\`: read the form, send the file base64-encoded, write \`{text}\`; \`image\`: send prompt and size, put the PNG in R2 (a stub that only consumes the bytes), write its URL; \`translate\`: one m2m100 call per paragraph, joined); \`JS copy\` only reads each upstream chunk in JS and re-enqueues it. *Gateway* is the production bundle as Miniflare runs it, with the neuron ledger's Durable Object, the Cache API and R2 emulated in the same workerd process; *own* is the same bundle with those stubbed (ledger in the isolate, no-op cache, an R2 that only consumes the bytes, as the image floor's R2 is): the CPU that is the gateway's own, and the headline ratio, own ÷ floor, target ≤ ${report.targets.cpuRatioFloor}×.`,
    );
    lines.push('');
    lines.push(
      '| endpoint | gateway CPU | own CPU (services stubbed) | floor CPU | own ÷ floor | gateway ÷ floor | JS copy CPU | gateway ÷ JS copy | first token vs JS copy, gateway / own |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const row of measuredRows) {
      const floor = row.floor;
      const copy = floor?.jsCopy;
      const verdict = (ratio) => (ratio <= report.targets.cpuRatioFloor ? '✓' : '✗');
      const added = (ms) =>
        `${ms >= 0 ? '+' : ''}${fixed(ms)} ms ${ms <= report.targets.addedFirstTokenVsCopyMs ? '✓' : '✗'}`;
      lines.push(
        `| ${row.label} | ${fixed(row.gatewayResult.cpuMsPerRequest)} ms | ${fixed(row.stubbedResult.cpuMsPerRequest)} ms | ` +
          `${floor ? `${fixed(floor.result.cpuMsPerRequest)} ms (${floor.kind})` : 'none'} | ` +
          `${floor ? `${fixed(floor.cpuRatioStubbed)}× ${verdict(floor.cpuRatioStubbed)}` : ''} | ${floor ? `${fixed(floor.cpuRatio)}×` : ''} | ` +
          `${copy ? `${fixed(copy.cpuMsPerRequest)} ms` : ''} | ${copy ? `${fixed(floor.cpuRatioJsCopy)}×` : ''} | ` +
          `${row.firstTokenMs ? `${added(row.firstTokenMs.addedVsJsCopy)} / ${added(row.firstTokenMs.ownAddedVsJsCopy)}` : ''} |`,
      );
    }
  }
  const stream = report.results.find((row) => row.firstTokenMs);
  if (stream) {
    const tokens = stream.firstTokenMs;
    lines.push('');
    lines.push(
      `Time to first token (${stream.label}, c=1, p50 of ${tokens.gateway.samples} interleaved requests each): direct to the simulator ${fixed(tokens.direct.p50)} ms, pass-through ${fixed(tokens.passThrough.p50)} ms, gateway ${fixed(tokens.gateway.p50)} ms: ` +
        `added ${fixed(tokens.addedVsPassThrough)} ms vs the pass-through ${stream.meetsFirstTokenTarget ? '✓' : '✗'} (≤ ${report.targets.addedFirstTokenMs} ms).`,
    );
  }
  if (report.breakdown) {
    lines.push('');
    lines.push(
      `A Worker that answers at once costs ${fixed(report.breakdown.floorCpuMsPerRequest)} ms of CPU per request here (Miniflare's entry Worker and workerd's HTTP), included in every figure above.`,
    );
  }
  lines.push('');
  lines.push('| gateway | bundle | gzip | target |');
  lines.push('|---|---|---|---|');
  for (const bundle of report.bundles) {
    lines.push(
      `| ${bundle.gateway} | ${fixed(kib(bundle.rawBytes), 1)} KiB | ${fixed(kib(bundle.gzipBytes), 1)} KiB | ≤ ${bundle.targetKiB} KiB ${bundle.meetsTarget ? '✓' : '✗'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

await main();
