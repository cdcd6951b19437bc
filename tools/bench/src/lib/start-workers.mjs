// Runs built Worker bundles in workerd through Miniflare, one Miniflare (one workerd process) per
// Worker, so that each one's CPU time and memory can be read from /proc on its own.
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { childProcesses } from 'tools-harness/proc-stats';

let wrangler;
async function loadWrangler() {
  // wrangler warns that AI bindings are remote; the bench drops that binding (UPSTREAM_MODE=rest).
  process.env.WRANGLER_LOG ??= 'error';
  wrangler ??= await import('wrangler');
  return wrangler;
}

// Each gateway logs one JSON line per request: the raw output is drained (so the pipe keeps
// flowing) and the structured log lines are kept, the last few hundred, for a failing test to show.
const drain = (stdout, stderr) => {
  stdout.resume();
  stderr.resume();
};

async function startMiniflare(options) {
  const before = new Set(childProcesses(process.pid, 'workerd'));
  const lines = [];
  const miniflare = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    // Miniflare would otherwise fetch the `request.cf` sample from the internet (3 s timeout
    // offline): the tests talk to 127.0.0.1 only.
    cf: false,
    handleRuntimeStdio: drain,
    handleStructuredLogs: ({ message }) => {
      lines.push(message);
      if (lines.length > 400) lines.splice(0, lines.length - 300);
    },
    ...options,
  });
  const url = await miniflare.ready;
  const pid = childProcesses(process.pid, 'workerd').find((candidate) => !before.has(candidate));
  if (pid === undefined) throw new Error('could not find the workerd process Miniflare started');
  return {
    url: url.origin,
    pid,
    miniflare,
    recentLogs: () => lines.slice(-50),
    stop: () => miniflare.dispose(),
  };
}

/**
 * Starts one gateway's production bundle with the bindings its wrangler.jsonc declares (R2,
 * Durable Objects, vars), minus the AI binding, plus `env` (UPSTREAM_MODE=rest and friends).
 */
/**
 * `persistRoot` keeps R2, the Cache API and Durable Object storage in files there instead of in
 * workerd's memory, so that stored data does not count in the process's RSS.
 * @param {{ directory: string, bundle: import("tools-harness/build-bundle").Bundle, env: Record<string, string>, withoutDurableObjects?: boolean, inspectorPort?: number, persistRoot?: string }} options
 */
export async function startGateway({
  directory,
  bundle,
  env,
  withoutDurableObjects = false,
  inspectorPort,
  persistRoot,
}) {
  const { unstable_getMiniflareWorkerOptions } = await loadWrangler();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(directory, 'wrangler.jsonc'), undefined, {
    remoteBindingsEnabled: false,
  });
  const { ai: _ai, durableObjects, ...rest } = workerOptions;
  return startMiniflare({
    ...rest,
    // Without its Durable Object binding a gateway keeps the neuron ledger in its isolate: the
    // bench measures that variant to show what the ledger's round trips cost.
    ...(withoutDurableObjects ? {} : { durableObjects }),
    ...(inspectorPort === undefined ? {} : { inspectorPort }),
    ...(persistRoot === undefined ? {} : { defaultPersistRoot: persistRoot }),
    modules: true,
    scriptPath: bundle.main,
    modulesRoot: bundle.outdir,
    bindings: { ...workerOptions.bindings, ...env },
  });
}

// The floor Workers (issue 17), each doing the least correct work a Worker must do for a route,
// so that a gateway is judged against what any Worker would spend, not against a pass-through
// that never reads the bytes: `copy` reads each upstream chunk in JS and re-enqueues it;
// `stream` splits the SSE events, parses each and writes one OpenAI chunk per token (all of a
// chunk's events enqueued at once, as the gateway does); `chat` and `embeddings` parse the
// Workers AI answer and write the OpenAI shape.
const FLOOR_FUNCTIONS = `
const encoder = new TextEncoder();
const STREAM_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8' };
function copy(upstream) {
  const reader = upstream.body.getReader();
  return new Response(new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) { return reader.cancel(reason); },
  }), { headers: STREAM_HEADERS });
}
function stream(upstream, model) {
  const reader = upstream.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return new Response(new ReadableStream({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) { controller.enqueue(encoder.encode('data: [DONE]\\n\\n')); controller.close(); return; }
        buffer += decoder.decode(value, { stream: true });
        const events = buffer.split('\\n\\n');
        buffer = events.pop();
        let out = '';
        for (const event of events) {
          const data = event.startsWith('data: ') ? event.slice(6) : '';
          if (data === '' || data === '[DONE]') continue;
          const text = JSON.parse(data).response;
          if (!text) continue;
          out += 'data: ' + JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }) + '\\n\\n';
        }
        if (out !== '') { controller.enqueue(encoder.encode(out)); return; }
      }
    },
    cancel(reason) { return reader.cancel(reason); },
  }), { headers: STREAM_HEADERS });
}
async function chat(upstream, model) {
  const { result } = await upstream.json();
  return Response.json({ id: 'c', object: 'chat.completion', created: 0, model, choices: [{ index: 0, message: { role: 'assistant', content: result.response }, finish_reason: 'stop' }], usage: result.usage });
}
async function embeddings(upstream, model) {
  const { result } = await upstream.json();
  return Response.json({ object: 'list', data: result.data.map((embedding, index) => ({ object: 'embedding', index, embedding })), model, usage: { prompt_tokens: 0, total_tokens: 0 } });
}
const FLOORS = { copy, stream, chat, embeddings };
`;

// The bare pass-through the gateways are measured against: it forwards the body, unread and
// unchanged, to the simulator's REST URL `/run/<model>` names, with the account's token. The same
// Worker serves the floors at `/floor/<kind>/<model>`.
const PASS_THROUGH_SCRIPT =
  `
function run(request, env, model) {
  return fetch(env.CF_API_BASE + '/accounts/' + env.CF_ACCOUNT_ID + '/ai/run/' + model, {
    method: 'POST',
    headers: {
      authorization: 'Bearer ' + env.CF_API_TOKEN,
      'content-type': request.headers.get('content-type') ?? 'application/json',
    },
    body: request.body,
  });
}
` +
  FLOOR_FUNCTIONS +
  `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method !== 'POST') return new Response('not found', { status: 404 });
    if (url.pathname.startsWith('/run/')) return run(request, env, url.pathname.slice(5));
    if (url.pathname.startsWith('/floor/')) {
      const rest = url.pathname.slice(7);
      const kind = rest.slice(0, rest.indexOf('/'));
      const model = rest.slice(kind.length + 1);
      const floor = FLOORS[kind];
      if (floor) return floor(await run(request, env, model), model);
    }
    return new Response('not found', { status: 404 });
  },
};
`;

// The floor every measured Worker stands on (Miniflare's entry Worker, workerd's HTTP server):
// a Worker that answers at once, without calling anything.
const NULL_SCRIPT = `
export default {
  async fetch(request) {
    await request.arrayBuffer();
    return Response.json({ ok: true });
  },
};
`;

/** Starts the Worker that does nothing, to measure the harness's own cost per request. */
export function startNullWorker() {
  return startMiniflare({ modules: true, script: NULL_SCRIPT, compatibilityDate: '2026-04-01' });
}

/** Starts the pass-through Worker, configured like the gateways' REST mode. */
export function startPassThrough({ env }) {
  return startMiniflare({
    modules: true,
    script: PASS_THROUGH_SCRIPT,
    compatibilityDate: '2026-04-01',
    bindings: env,
  });
}
