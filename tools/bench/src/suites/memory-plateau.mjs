// The memory plateau (issue 11): one gateway's workerd process — the Worker alone, with no dev
// server in front — serves many requests of the load mix, and its RSS is read after each
// checkpoint. A leak grows with requests; a plateau stays within a bound from half-way on.
import { rssBytes } from 'tools-harness/proc-stats';
import { runConcurrently } from '../lib/send-request.mjs';
import { ENDPOINT_CASES } from './endpoint-cases.mjs';
import { answerProblems, send } from './suite-helpers.mjs';

/** The requests each gateway serves under load, by endpoint case; half streamed where it streams. */
export const LOAD_MIX = {
  chat: ['chat.chat', 'chat.chat-stream', 'chat.embeddings', 'chat.completions-stream'],
  image: ['image.generation', 'image.chat-stream'],
  // The translate gateway does not stream.
  translate: ['translate.deeplx', 'translate.deepl', 'translate.imme'],
};

const MiB = 1024 * 1024;

/**
 * The most the Worker's heap (in use after a full GC) may grow from the half-way checkpoint to
 * the end: 512 KiB, or 10% of the half-way heap when that is more (measured: 2–6 MiB heaps
 * growing 30–110 bytes a request while caches fill). A leak of 1 KiB a request is 1 MiB over the
 * second half of the test's 2,000 requests and 5 MiB over that of the bench's 10,000.
 */
export function plateauBound(halfWayBytes) {
  return Math.max(0.5 * MiB, halfWayBytes * 0.1);
}

// The translate gateway limits itself to Workers AI's 720 calls a minute: its texts repeat every
// 200 requests, so that later rounds are served from its segment cache, as a busy site's are,
// instead of being refused.
const DISTINCT_TRANSLATE_TEXTS = 200;

/**
 * Sends `total` requests of `gateway`'s load mix at `concurrency`, reading the workerd process's
 * RSS (and, with a `heap` reader, the Worker's heap after GC) every `checkpointEvery` requests.
 * Resolves with the readings and the requests that failed.
 * @param {any} environment
 * @param {string} gateway one of LOAD_MIX's keys
 * @param {{ total: number, checkpointEvery: number, concurrency?: number, heap?: { usedAfterGc(): Promise<number> } }} options
 */
export async function measureMemoryPlateau(
  environment,
  gateway,
  { total, checkpointEvery, concurrency = 64, heap },
) {
  const cases = LOAD_MIX[gateway].map((id) => ENDPOINT_CASES[id]);
  const { pid } = environment.gateways[gateway];
  const readings = [];
  const failures = [];
  let sent = 0;
  while (sent < total) {
    const count = Math.min(checkpointEvery, total - sent);
    const offset = sent;
    await runConcurrently(count, concurrency, async (index) => {
      const number = offset + index;
      const endpointCase = cases[number % cases.length];
      const request = endpointCase.make(gateway === 'translate' ? number % DISTINCT_TRANSLATE_TEXTS : number);
      const response = await send(environment, gateway, { ...request, keepAlive: true, timeoutMs: 30_000 });
      const problems = answerProblems(environment, gateway, request.path, response);
      const limited = gateway === 'translate' && response.status === 429;
      if (!limited) {
        const problem =
          response.status === 200
            ? endpointCase.check(response)
            : `status ${response.status} ${response.text?.slice(0, 200) ?? response.error}`;
        if (problem !== undefined) problems.push(problem);
      }
      if (problems.length > 0) failures.push(problems.join('; '));
    });
    sent += count;
    readings.push({
      requests: sent,
      rss: rssBytes(pid),
      heap: heap === undefined ? undefined : await heap.usedAfterGc(),
    });
  }
  return { readings, failures };
}

/** `requests: heap / RSS MiB` for each reading, for a diagnostic line. */
export function formatReadings(readings) {
  return readings
    .map(
      ({ requests, rss, heap }) =>
        `${requests}: ${heap === undefined ? '' : `${(heap / MiB).toFixed(1)} / `}${(rss / MiB).toFixed(1)}`,
    )
    .join(', ');
}

/**
 * The plateau check of `readings` (at least two): the Worker's heap growth from the half-way
 * reading to the last against plateauBound, and the process's RSS growth over the same span.
 */
export function plateauOf(readings) {
  const last = readings.at(-1);
  const half = readings.find((reading) => reading.requests >= last.requests / 2) ?? readings[0];
  const heapGrowth = last.heap - half.heap;
  const bound = plateauBound(half.heap);
  return {
    from: half.requests,
    to: last.requests,
    heapGrowth,
    rssGrowth: last.rss - half.rss,
    bound,
    ok: heapGrowth <= bound,
    describe: () =>
      `from ${half.requests} to ${last.requests} requests: Worker heap ${(half.heap / MiB).toFixed(1)} -> ${(last.heap / MiB).toFixed(1)} MiB ` +
      `(${heapGrowth >= 0 ? '+' : ''}${(heapGrowth / MiB).toFixed(2)} MiB, ${(heapGrowth / (last.requests - half.requests)).toFixed(0)} B a request; bound ${(bound / MiB).toFixed(1)} MiB), ` +
      `workerd RSS ${(half.rss / MiB).toFixed(1)} -> ${(last.rss / MiB).toFixed(1)} MiB`,
  };
}

/**
 * Reads the Worker's own V8 heap through workerd's inspector (the gateway started with
 * `inspect`): bytes in use after a full garbage collection, which only a leak makes grow. The
 * process's RSS also holds Miniflare's own Workers (entry, cache, R2) and allocator pages.
 * Needs Node's WebSocket (`--experimental-websocket` on Node 20).
 * @param {number} inspectorPort
 */
export async function connectHeapReader(inspectorPort) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const target = targets.find((candidate) => candidate.title.includes('core:user'));
  if (target === undefined) throw new Error('no Worker isolate in the inspector list');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  let nextId = 1;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`inspector: no answer to ${method}`)), 30_000);
      waiting.set(id, (message) => {
        clearTimeout(timer);
        resolve(message.result);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('HeapProfiler.enable');
  return {
    /** Heap bytes in use after a full collection. */
    async usedNow() {
      return (await call('Runtime.getHeapUsage')).usedSize;
    },
    async usedAfterGc() {
      // A heap snapshot starts with a full collection; workerd never answers
      // HeapProfiler.collectGarbage (workerd 1.20260426), so the snapshot stands in for it. Its
      // chunks are dropped.
      await call('HeapProfiler.takeHeapSnapshot');
      const usage = await call('Runtime.getHeapUsage');
      return usage.usedSize;
    },
    close: () => socket.close(),
  };
}
