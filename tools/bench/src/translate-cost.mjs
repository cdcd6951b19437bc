#!/usr/bin/env node
// `pnpm --filter bench run translate-cost`: what the translate gateway's m2m100 engine costs
// (issue 17): workerd process CPU per request, upstream model calls per request, CPU per call
// and per 1,000 characters, for a 2 KB paragraph and a 5 KB page, source auto and a fixed
// source, with fresh text (every segment a cache miss) and with every segment already cached;
// each with the Cache API as Miniflare emulates it (a Durable Object with SQLite and blob files in
// the same workerd) and with it stubbed (Miniflare's `cache: false`: every lookup reaches a noop
// Worker that answers a miss, every store is read and dropped). Then the gateway's own work
// (request parsing, line and sentence splitting, language detection, SHA-256 cache keys,
// assembly) on the same texts, apart from the calls: a Worker built from the gateway's sources
// runs those steps on a batch of texts per request, in workerd, and each step's CPU is the
// process CPU of a batch that stops after it minus that of one that stops before it.
//
// The production bundle runs in workerd through Miniflare, its neuron ledger in the isolate (no
// Durable Object round trips), the simulator in another process. CPU is the workerd process's
// utime + stime from /proc (10 ms ticks): each batch spans hundreds of milliseconds, each figure
// is the median of TRANSLATE_COST_ROUNDS (default 3) batches, interleaved across the variants.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle } from 'tools-harness/build-bundle';
import { BENCH_SIMULATOR_DIR, GATEWAYS, ROOT } from 'tools-harness/paths';
import { cpuMilliseconds, machineDescription } from 'tools-harness/proc-stats';
import { startSimulator } from 'tools-harness/start-simulator';
import { makeFreshPage } from './lib/fixtures.mjs';
import { GATEWAY_KEY } from './lib/scenarios.mjs';
import { sendRequest } from './lib/send-request.mjs';
import { startMiniflare } from './lib/start-workers.mjs';

const ROUNDS = Number(process.env.TRANSLATE_COST_ROUNDS ?? 3);
/** `own`: only the gateway's own work (no gateway, no simulator, no upstream calls). */
const ONLY = process.env.TRANSLATE_COST_ONLY;
const GATEWAY = GATEWAYS.find((gateway) => gateway.name === 'translate');
const log = (message) => process.stderr.write(`[translate-cost] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One paragraph (a single line) of `bytes` characters: the page's paragraphs joined by spaces. */
const paragraph = (bytes, salt) =>
  makeFreshPage(bytes, salt).replaceAll('\n\n', ' ').slice(0, bytes).trimEnd();
/** A page of paragraphs separated by blank lines, about `bytes` characters. */
const page = (bytes, salt) => makeFreshPage(bytes, salt);

const TEXTS = [
  {
    id: '2 KB paragraph',
    make: (salt) => paragraph(2 * 1024, salt),
    fresh: 20,
    cachedTexts: 10,
    batch: 100,
    calls: 8,
  },
  { id: '5 KB page', make: (salt) => page(5 * 1024, salt), fresh: 8, cachedTexts: 6, batch: 40, calls: 25 },
];
const SOURCES = [
  { id: 'auto', field: 'auto' },
  { id: 'EN', field: 'EN' },
];
/** How many times each primed text is sent again in a cached batch. */
const CACHED_PASSES = 3;
/** The gateway's per-isolate limit on m2m100 calls a minute (upstream-limiter.ts), with a margin. */
const CALLS_PER_MINUTE = 700;

const translateRequest = (text, source) => ({
  method: 'POST',
  path: '/translate',
  headers: { authorization: `Bearer ${GATEWAY_KEY}`, 'content-type': 'application/json' },
  body: JSON.stringify({ text, source_lang: source, target_lang: 'FR' }),
});

/** Starts Miniflare (one workerd process) and finds that process, for its CPU. */
async function startWorkerd(options) {
  return { ...(await startMiniflare(options)), calls: [] };
}

/**
 * The translate gateway's bundle in a workerd of its own, its bindings from wrangler.jsonc
 * minus AI and the Durable Objects (the ledger stays in the isolate; /translate without a
 * glossary needs no glossary store), with Miniflare's Cache API emulation on or off.
 */
let wrangler;
async function startTranslate(bundle, env, cache) {
  process.env.WRANGLER_LOG ??= 'error';
  wrangler ??= await import('wrangler');
  const { unstable_getMiniflareWorkerOptions } = wrangler;
  const { workerOptions } = unstable_getMiniflareWorkerOptions(
    join(GATEWAY.dir, 'wrangler.jsonc'),
    undefined,
    {
      remoteBindingsEnabled: false,
    },
  );
  const { ai: _ai, durableObjects: _durableObjects, ...rest } = workerOptions;
  return startWorkerd({
    ...rest,
    modules: true,
    scriptPath: bundle.main,
    modulesRoot: bundle.outdir,
    bindings: { ...workerOptions.bindings, ...env },
    cache,
  });
}

/**
 * The steps of the gateway's own work, each including those before it: `none` only builds each
 * text's request body; `split` parses it and splits the text into lines and sentences; `plan`
 * parses it and plans the text (split, detect languages, collect unique segments); `keys` also
 * asks for each segment's cache URL for its lookup and again for its store, with one key object
 * per segment as translate-texts.ts keeps it; `all` also assembles the text and renders the
 * DeepLX answer.
 */
const OWN_STEPS = ['none', 'parse', 'split', 'plan', 'keys', 'all'];

/**
 * A Worker that runs the gateway's own steps (from its sources, as translate-texts.ts calls
 * them) on each text of a request's batch, up to the step the request names.
 */
function ownWorkWorker(source) {
  const from = (file) => JSON.stringify(join(GATEWAY.dir, 'src', 'translation', file));
  return `
import { parseDeeplxRequest } from ${JSON.stringify(join(ROOT, 'packages', 'core', 'src', 'deepl', 'parse-deeplx-request'))};
import { assembleTexts } from ${from('assemble-texts')};
import { planTexts } from ${from('plan-texts')};
import { segmentCacheUrl } from ${from('segment-cache-url')};
import { splitLines } from ${from('split-lines')};
const STEPS = ${JSON.stringify(OWN_STEPS)};
const MODEL = '@cf/meta/m2m100-1.2b';
export default {
  async fetch(request) {
    const { step, texts } = await request.json();
    const level = STEPS.indexOf(step);
    let work = 0;
    for (const text of texts) {
      const body = JSON.stringify({ text, source_lang: ${JSON.stringify(source)}, target_lang: 'FR' });
      work += body.length;
      if (level < 1) continue;
      const job = parseDeeplxRequest(JSON.parse(body));
      if (level === 1) continue;
      if (level === 2) { work += splitLines(job.texts[0]).length; continue; }
      const segments = new Map();
      const plans = planTexts(job, segments);
      if (level === 3) continue;
      const target = job.target.model;
      await Promise.all([...segments.values()].map(async (segment) => {
        const key = { model: MODEL, source: segment.source, target, text: segment.text };
        work += (await segmentCacheUrl(key)).length;
        segment.translation = segment.text;
        work += (await segmentCacheUrl(key)).length;
      }));
      if (level === 4) continue;
      const translated = assembleTexts(plans, job.target.traditional);
      work += JSON.stringify({ code: 200, data: translated.map((item) => item.text).join('\\n') }).length;
    }
    return new Response(String(work));
  },
};
`;
}

/**
 * The gateway's own work per text, in workerd: for each step, batches of `shape.batch` fresh
 * texts, the process CPU per text of a batch that ends with the step minus one that ends before
 * it (medians over ROUNDS rounds of REQUESTS batches per step, steps interleaved).
 */
async function measureOwnWork(workdir, shape, source) {
  // esbuild is wrangler's own bundler; it is not a dependency of this package.
  const esbuild = createRequire(createRequire(import.meta.url).resolve('wrangler'))('esbuild');
  const entry = join(workdir, `own-work-${source}.mjs`);
  writeFileSync(entry, ownWorkWorker(source));
  const outfile = join(workdir, `own-work-${source}.bundle.mjs`);
  await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile });
  const worker = await startWorkerd({
    modules: true,
    scriptPath: outfile,
    modulesRoot: workdir,
    compatibilityDate: '2026-04-01',
  });
  const REQUESTS = 12;
  try {
    let salt = 0;
    const batch = (step) => ({
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        step,
        texts: Array.from({ length: shape.batch }, () => shape.make(`w${salt++}`)),
      }),
    });
    const perText = new Map(OWN_STEPS.map((step) => [step, []]));
    for (let round = 0; round <= ROUNDS; round++) {
      for (const step of OWN_STEPS) {
        const bodies = Array.from({ length: REQUESTS }, () => batch(step));
        await sendRequest(worker.url, { ...batch(step), keepAlive: true, timeoutMs: 60_000 });
        const before = cpuMilliseconds(worker.pid);
        for (const body of bodies) {
          const response = await sendRequest(worker.url, { ...body, keepAlive: true, timeoutMs: 60_000 });
          if (response.status !== 200)
            throw new Error(`own-work Worker: ${response.status} ${response.text}`);
        }
        // Round 0 warms every step up and is not counted.
        if (round > 0)
          perText.get(step).push((cpuMilliseconds(worker.pid) - before) / (REQUESTS * shape.batch));
      }
    }
    const cost = (step, baseline) =>
      median(perText.get(step).map((value, round) => value - perText.get(baseline)[round]));
    return {
      parse: cost('parse', 'none'),
      split: cost('split', 'parse'),
      plan: cost('plan', 'parse'),
      cacheKeys: cost('keys', 'plan'),
      assemble: cost('all', 'keys'),
      total: cost('all', 'none'),
    };
  } finally {
    await worker.stop();
  }
}

/** Waits until `count` more calls fit the gateway's minute of upstream calls. */
async function makeRoomForCalls(worker, count) {
  const now = Date.now();
  worker.calls = worker.calls.filter((call) => call.at > now - 61_000);
  let used = worker.calls.reduce((total, call) => total + call.count, 0);
  for (const call of worker.calls) {
    if (used + count <= CALLS_PER_MINUTE) break;
    used -= call.count;
    const wait = call.at + 61_000 - now;
    if (used + count <= CALLS_PER_MINUTE) {
      log(`waiting ${Math.ceil(wait / 1000)} s for the gateway's minute of upstream calls`);
      await sleep(wait);
    }
  }
}

/**
 * The translate gateway in workerd against the simulator: per text shape and source, batches of
 * fresh texts with the Cache API emulated and stubbed, and of texts whose segments are all
 * cached. Returns the batches' CPU and call counts by `shape|source|fresh or cached|variant`.
 */
async function measureGateway(workdir) {
  const stops = [];
  try {
    const [simulatorBundle, bundle] = await Promise.all([
      buildBundle(BENCH_SIMULATOR_DIR, join(workdir, 'simulator')),
      buildBundle(GATEWAY.dir, join(workdir, 'translate')),
    ]);
    const simulator = await startSimulator(simulatorBundle.main);
    stops.push(simulator.stop);
    const env = {
      UPSTREAM_MODE: 'rest',
      CF_ACCOUNT_ID: 'bench-account',
      CF_API_TOKEN: 'bench-token',
      CF_API_BASE: `${simulator.url}/client/v4`,
      GATEWAY_KEYS: GATEWAY_KEY,
      DAILY_NEURON_BUDGET: '1000000000',
    };
    const workers = {
      emulated: await startTranslate(bundle, env, true),
      stubbed: await startTranslate(bundle, env, false),
    };
    for (const worker of Object.values(workers)) stops.push(worker.stop);
    const simulatorCalls = async () => {
      const response = await sendRequest(simulator.url, { path: '/__sim/state' });
      return JSON.parse(response.text).calls;
    };

    /** Sends one request, returns its model calls; throws on anything but a full translation. */
    const send = async (worker, text, source) => {
      const before = await simulatorCalls();
      const response = await sendRequest(worker.url, {
        ...translateRequest(text, source),
        keepAlive: true,
        timeoutMs: 60_000,
      });
      const data = response.status === 200 ? JSON.parse(response.text).data : undefined;
      if (typeof data !== 'string' || data.length < text.length / 2)
        throw new Error(`translate answered ${response.status}: ${(response.text ?? '').slice(0, 200)}`);
      const calls = (await simulatorCalls()) - before;
      worker.calls.push({ at: Date.now(), count: calls });
      return calls;
    };

    /**
     * Measures one batch on one Worker: `texts` sent in order after the warm-up ones, the workerd
     * process's CPU read before and after (after the gateway's waitUntil cache stores).
     */
    const measure = async (worker, texts, source, warmup) => {
      for (const text of warmup) await send(worker, text, source);
      await sleep(200);
      const before = cpuMilliseconds(worker.pid);
      let calls = 0;
      for (const text of texts) calls += await send(worker, text, source);
      await sleep(200);
      const cpu = cpuMilliseconds(worker.pid) - before;
      return { cpuPerRequest: cpu / texts.length, callsPerRequest: calls / texts.length };
    };

    const samples = new Map();
    const record = (key, value) => samples.set(key, [...(samples.get(key) ?? []), value]);
    let salt = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      log(`round ${round} of ${ROUNDS} (load average ${loadavg()[0].toFixed(2)})`);
      for (const shape of TEXTS) {
        const fresh = (count) => Array.from({ length: count }, () => shape.make(`t${salt++}`));
        // No model call at all: the text declared in the target language, so that every segment
        // keeps its text and no cache is asked; what is left is the request and the gateway's steps.
        const alone = await measure(workers.stubbed, fresh(shape.fresh), 'FR', fresh(2));
        record(`${shape.id}|FR|none|stubbed`, alone);
        for (const source of SOURCES) {
          for (const [variant, worker] of Object.entries(workers)) {
            await makeRoomForCalls(worker, (shape.fresh + 2) * shape.calls);
            const result = await measure(worker, fresh(shape.fresh), source.field, fresh(2));
            record(`${shape.id}|${source.id}|fresh|${variant}`, result);
          }
          // Every segment cached: each text sent once (its stores finished), then again.
          const worker = workers.emulated;
          const primed = fresh(shape.cachedTexts);
          await makeRoomForCalls(worker, shape.cachedTexts * shape.calls);
          for (const text of primed) await send(worker, text, source.field);
          await sleep(300);
          const again = Array.from({ length: CACHED_PASSES }, () => primed).flat();
          const result = await measure(worker, again, source.field, primed.slice(0, 2));
          record(`${shape.id}|${source.id}|cached|emulated`, result);
        }
      }
    }
    return samples;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

function gatewayTable(samples) {
  const lines = [
    '| text | source | cache | model calls / request | CPU / request (each round) | CPU / model call | CPU / 1,000 chars |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const shape of TEXTS) {
    const characters = shape.make('t0').length;
    const alone = samples.get(`${shape.id}|FR|none|stubbed`);
    const aloneCpu = median(alone.map((row) => row.cpuPerRequest));
    lines.push(
      `| ${shape.id} (${characters} chars) | FR (= target) | no call, stubbed | ${median(alone.map((row) => row.callsPerRequest)).toFixed(1)} | ${aloneCpu.toFixed(2)} ms (${alone.map((row) => row.cpuPerRequest.toFixed(1)).join(', ')}) | — | ${((aloneCpu * 1000) / characters).toFixed(2)} ms |`,
    );
    for (const source of SOURCES) {
      for (const [kind, variant, label] of [
        ['fresh', 'emulated', 'misses, emulated'],
        ['fresh', 'stubbed', 'misses, stubbed'],
        ['cached', 'emulated', 'all cached, emulated'],
      ]) {
        const rows = samples.get(`${shape.id}|${source.id}|${kind}|${variant}`);
        const cpu = median(rows.map((row) => row.cpuPerRequest));
        const calls = median(rows.map((row) => row.callsPerRequest));
        const each = rows.map((row) => row.cpuPerRequest.toFixed(1)).join(', ');
        lines.push(
          `| ${shape.id} (${characters} chars) | ${source.id} | ${label} | ${calls.toFixed(1)} | ${cpu.toFixed(2)} ms (${each}) | ${calls > 0 ? `${(cpu / calls).toFixed(2)} ms` : '—'} | ${((cpu * 1000) / characters).toFixed(2)} ms |`,
        );
      }
    }
  }
  return lines;
}

async function main() {
  const machine = machineDescription();
  const workdir = mkdtempSync(join(tmpdir(), 'translate-cost-'));
  const lines = [];
  try {
    if (ONLY !== 'own') {
      const loadBefore = loadavg();
      const samples = await measureGateway(workdir);
      lines.push(
        `Translate gateway, m2m100 engine, POST /translate (DeepLX), target FR, on ${machine.cores} × ${machine.model}: workerd process CPU (/proc utime + stime) per request, production bundle, ledger in the isolate; median of ${ROUNDS} rounds; load average ${loadBefore[0].toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`,
        '',
        ...gatewayTable(samples),
        '',
      );
    }
    const loadBefore = loadavg();
    const own = [];
    for (const shape of TEXTS) {
      for (const source of SOURCES) {
        log(`own work: ${shape.id}, source ${source.id}`);
        own.push({ shape, source, ...(await measureOwnWork(workdir, shape, source.field)) });
      }
    }
    lines.push(
      `The gateway's own work per request apart from the calls, in workerd: its sources run on batches of ${TEXTS.map((shape) => shape.batch).join(' / ')} fresh texts per request; each step is the process CPU per text of batches that end with it minus those that end before it; median of ${ROUNDS} rounds; load average ${loadBefore[0].toFixed(2)} before, ${loadavg()[0].toFixed(2)} after. Milliseconds:`,
      '',
      '| text | source | parse request | split lines, sentences | plan (split + detect + segments) | cache keys (lookup + store) | assemble + render | total |',
      '|---|---|---|---|---|---|---|---|',
      ...own.map(
        (item) =>
          `| ${item.shape.id} | ${item.source.id} | ${item.parse.toFixed(3)} | ${item.split.toFixed(3)} | ${item.plan.toFixed(3)} | ${item.cacheKeys.toFixed(3)} | ${item.assemble.toFixed(3)} | ${item.total.toFixed(3)} |`,
      ),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}

await main();
