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

/**
 * Starts one Miniflare (one workerd process) on 127.0.0.1 with `options`, and finds that process,
 * so that its CPU and memory can be read from /proc.
 */
export async function startMiniflare(options) {
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

// An R2 bucket that only consumes the bytes it is given (issue 17): what a gateway spends on R2
// in production is the call and its body, while Miniflare's emulation stores the object in the
// same workerd process, so its CPU would count as the gateway's. A wrapped binding runs in the
// gateway's isolate, as R2's client does.
const R2_STUB_SCRIPT = `
async function consume(value) {
  if (value instanceof ReadableStream) {
    let size = 0;
    for await (const chunk of value) size += chunk.byteLength;
    return size;
  }
  if (typeof value === 'string') return new TextEncoder().encode(value).byteLength;
  if (value instanceof Blob) return (await value.arrayBuffer()).byteLength;
  return value?.byteLength ?? 0;
}
export default function () {
  return {
    async put(key, value, options = {}) {
      const size = await consume(value);
      return { key, size, version: key, etag: key, httpEtag: '"' + key + '"', uploaded: new Date(), checksums: {},
        httpMetadata: options.httpMetadata ?? {}, customMetadata: options.customMetadata ?? {}, storageClass: 'Standard' };
    },
    async get() { return null; },
    async head() { return null; },
    async delete() {},
    async list() { return { objects: [], truncated: false, delimitedPrefixes: [] }; },
  };
}
`;

/**
 * Starts one gateway's production bundle with the bindings its wrangler.jsonc declares (R2,
 * Durable Objects, vars), minus the AI binding, plus `env` (UPSTREAM_MODE=rest and friends).
 * `persistRoot` keeps R2, the Cache API and Durable Object storage in files there instead of in
 * workerd's memory, so that stored data does not count in the process's RSS.
 * `stubPlatform` (issue 17) replaces the platform services that production runs outside the
 * Worker's isolate, and Miniflare emulates in the same workerd process, with stubs that only take
 * the bytes: the neuron ledger kept in the isolate instead of its Durable Object, Miniflare's
 * no-op Cache API, and R2 buckets that consume what is put. What is left is the gateway's own CPU.
 * @param {{ directory: string, bundle: import("tools-harness/build-bundle").Bundle, env: Record<string, string>, withoutDurableObjects?: boolean, stubPlatform?: boolean, inspectorPort?: number, persistRoot?: string }} options
 */
export async function startGateway({
  directory,
  bundle,
  env,
  withoutDurableObjects = false,
  stubPlatform = false,
  inspectorPort,
  persistRoot,
}) {
  const { unstable_getMiniflareWorkerOptions } = await loadWrangler();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(directory, 'wrangler.jsonc'), undefined, {
    remoteBindingsEnabled: false,
  });
  const { ai: _ai, durableObjects, r2Buckets, ...rest } = workerOptions;
  const gateway = {
    ...rest,
    // Without its Durable Object binding a gateway keeps the neuron ledger in its isolate: the
    // bench measures that variant to show what the ledger's round trips cost.
    ...(withoutDurableObjects || stubPlatform ? {} : { durableObjects }),
    ...(stubPlatform
      ? {
          cache: false,
          wrappedBindings: Object.fromEntries(
            Object.keys(r2Buckets ?? {}).map((name) => [name, { scriptName: 'r2-stub' }]),
          ),
        }
      : { r2Buckets }),
    modules: true,
    scriptPath: bundle.main,
    modulesRoot: bundle.outdir,
    bindings: { ...workerOptions.bindings, ...env },
  };
  return startMiniflare({
    ...(inspectorPort === undefined ? {} : { inspectorPort }),
    ...(persistRoot === undefined ? {} : { defaultPersistRoot: persistRoot }),
    ...(stubPlatform ? withR2Stub(gateway) : gateway),
  });
}

/** Miniflare options for `worker` and the stub R2 its `wrappedBindings` name. */
function withR2Stub(worker) {
  return { workers: [worker, { name: 'r2-stub', modules: true, script: R2_STUB_SCRIPT }] };
}

// The floor Workers (issue 17), each doing the least correct work a Worker must do for a route,
// so that a gateway is judged against what any Worker would spend, not against a pass-through
// that never reads the bytes: `copy` reads each upstream chunk in JS and re-enqueues it;
// `stream` splits the SSE events, parses each and writes one OpenAI chunk per token (all of a
// chunk's events enqueued at once, as the gateway does); `chat` and `embeddings` parse the
// Workers AI answer and write the OpenAI shape. Those take the pass-through's request (already in
// Workers AI's shape); the REQUEST_FLOORS take the gateway's own request and map it too:
// `transcription` reads the multipart form and sends the file base64-encoded (whisper-large-v3-
// turbo's input), `image` sends the prompt and size, stores the PNG in R2 (the stub R2 of a
// gateway with `stubPlatform`) and answers its URL, `translate` (DeepLX) translates each paragraph with
// one m2m100 call, all at once, and joins them; none of them checks anything.
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
// An experiment kept for BENCH_EXTRA_FLOORS=copy-byob: the JS copy with a BYOB reader and a 64 KiB
// buffer, which would merge upstream chunks already waiting into one read. Measured 2026-12-04:
// 152-162 ms per 1,000-token stream against 125-140 ms for the plain copy; the chunks come one by
// one and each read's buffer costs more than it saves.
function copyByob(upstream) {
  const reader = upstream.body.getReader({ mode: 'byob' });
  return new Response(new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read(new Uint8Array(65536));
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) { return reader.cancel(reason); },
  }), { headers: STREAM_HEADERS });
}
const FLOORS = { copy, stream, chat, embeddings, 'copy-byob': copyByob };

function call(env, model, body) {
  return fetch(env.CF_API_BASE + '/accounts/' + env.CF_ACCOUNT_ID + '/ai/run/' + model, {
    method: 'POST',
    headers: { authorization: 'Bearer ' + env.CF_API_TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
async function transcription(request, env, model) {
  const file = (await request.formData()).get('file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode.apply(null, bytes.subarray(offset, offset + 0x8000));
  const { result } = await (await call(env, model, { audio: btoa(binary) })).json();
  return Response.json({ text: result.text });
}
async function image(request, env, model) {
  const { prompt, size } = await request.json();
  const [width, height] = size.split('x').map(Number);
  const upstream = await call(env, model, { prompt, width, height });
  const key = crypto.randomUUID() + '.png';
  await env.FLOOR_IMAGES.put(key, await upstream.arrayBuffer(), { httpMetadata: { contentType: 'image/png' } });
  return Response.json({ created: Math.floor(Date.now() / 1000), data: [{ url: new URL('/images/' + key, request.url).href }] });
}
async function translate(request, env, model) {
  const { text, source_lang, target_lang } = await request.json();
  const source = !source_lang || source_lang === 'auto' ? 'en' : source_lang.toLowerCase();
  const target = target_lang.toLowerCase();
  const paragraphs = await Promise.all(text.split('\\n\\n').map(async (paragraph) => {
    const { result } = await (await call(env, model, { text: paragraph, source_lang: source, target_lang: target })).json();
    return result.translated_text;
  }));
  return Response.json({ code: 200, id: Date.now(), data: paragraphs.join('\\n\\n'), alternatives: [], source_lang: source.toUpperCase(), target_lang: target_lang.toUpperCase(), method: 'Free' });
}
const REQUEST_FLOORS = { transcription, image, translate };
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
      const requestFloor = REQUEST_FLOORS[kind];
      if (requestFloor) return requestFloor(request, env, model);
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

/**
 * Starts the pass-through Worker, configured like the gateways' REST mode; its floors have no
 * platform service but the image floor's R2, stubbed as a gateway's with `stubPlatform`.
 */
export function startPassThrough({ env }) {
  return startMiniflare(
    withR2Stub({
      modules: true,
      script: PASS_THROUGH_SCRIPT,
      compatibilityDate: '2026-04-01',
      bindings: env,
      wrappedBindings: { FLOOR_IMAGES: { scriptName: 'r2-stub' } },
    }),
  );
}
