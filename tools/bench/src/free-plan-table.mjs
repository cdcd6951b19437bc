#!/usr/bin/env node
// `pnpm --filter bench run free-plan`: each gateway's own CPU per request for the typical sizes of
// each route (issue 17), to say what fits the Workers Free plan's 10 ms of CPU per request.
// Each gateway's production bundle runs in workerd with its platform services stubbed
// (startGateway's `stubPlatform`: the neuron ledger in the isolate, a no-op Cache API, an R2 that
// only consumes the bytes), since production runs those outside the request's isolate while
// Miniflare emulates them in the same process. Prints a markdown table.
import { loadavg } from 'node:os';
import { cpuMilliseconds, machineDescription } from 'tools-harness/proc-stats';
import { makePage, makeWav } from './lib/fixtures.mjs';
import { GATEWAY_KEY, transcriptionRequest } from './lib/scenarios.mjs';
import { sendRequest } from './lib/send-request.mjs';
import { startEnvironment } from './lib/start-environment.mjs';

const FREE_PLAN_CPU_MS = 10;
const log = (message) => process.stderr.write(`[free-plan] ${message}\n`);
const auth = { authorization: `Bearer ${GATEWAY_KEY}` };
const json = (path, value) => ({
  method: 'POST',
  path,
  headers: { ...auth, 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

function chat(tokens, stream) {
  return (index) =>
    json('/v1/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Tell a story ${index} [[tokens=${tokens}]]` }],
      max_tokens: tokens + 50,
      ...(stream ? { stream: true } : {}),
    });
}

function embeddings(inputs, encoding_format = 'base64') {
  return (index) =>
    json('/v1/embeddings', {
      model: 'text-embedding-3-small',
      input: Array.from({ length: inputs }, (_, item) => `sentence ${item} of request ${index}`),
      encoding_format,
    });
}

function transcription(seconds) {
  const wav = makeWav(seconds);
  return () => transcriptionRequest(wav);
}

function images(n) {
  return (index) =>
    json('/v1/images/generations', {
      model: '@cf/bytedance/stable-diffusion-xl-lightning',
      prompt: `a lighthouse ${index}`,
      n,
      size: '512x512',
    });
}

function translate(bytes) {
  // A new text each time: the segment cache would otherwise answer from memory.
  return (index) =>
    json('/translate', { text: makePage(bytes, `f${index}`), source_lang: 'auto', target_lang: 'FR' });
}

/** The rows of the table: route, size, gateway, request, and how many requests to average. */
const CASES = [
  { route: 'chat completion', size: '200 tokens', gateway: 'chat', makeRequest: chat(200, false), count: 40 },
  {
    route: 'chat completion',
    size: '1,000 tokens',
    gateway: 'chat',
    makeRequest: chat(1000, false),
    count: 30,
  },
  {
    route: 'chat completion',
    size: '4,000 tokens',
    gateway: 'chat',
    makeRequest: chat(4000, false),
    count: 20,
  },
  { route: 'chat stream', size: '250 tokens', gateway: 'chat', makeRequest: chat(250, true), count: 20 },
  { route: 'chat stream', size: '1,000 tokens', gateway: 'chat', makeRequest: chat(1000, true), count: 10 },
  { route: 'chat stream', size: '4,000 tokens', gateway: 'chat', makeRequest: chat(4000, true), count: 6 },
  { route: 'embeddings (base64)', size: '1 input', gateway: 'chat', makeRequest: embeddings(1), count: 40 },
  {
    route: 'embeddings (base64)',
    size: '10 inputs',
    gateway: 'chat',
    makeRequest: embeddings(10),
    count: 40,
  },
  {
    route: 'embeddings (base64)',
    size: '100 inputs',
    gateway: 'chat',
    makeRequest: embeddings(100),
    count: 20,
  },
  {
    route: 'embeddings (float)',
    size: '100 inputs',
    gateway: 'chat',
    makeRequest: embeddings(100, 'float'),
    count: 20,
  },
  { route: 'transcription', size: '1 s WAV', gateway: 'chat', makeRequest: transcription(1), count: 30 },
  { route: 'transcription', size: '30 s WAV', gateway: 'chat', makeRequest: transcription(30), count: 10 },
  {
    route: 'image generation',
    size: '1 image',
    gateway: 'image',
    makeRequest: images(1),
    count: 20,
  },
  {
    route: 'image generation',
    size: '4 images',
    gateway: 'image',
    makeRequest: images(4),
    count: 10,
  },
  {
    route: 'translate, m2m100',
    size: '200 characters',
    gateway: 'translate',
    makeRequest: translate(200),
    count: 30,
  },
  {
    route: 'translate, m2m100',
    size: '2 KB',
    gateway: 'translate',
    makeRequest: translate(2 * 1024),
    count: 15,
  },
  {
    route: 'translate, m2m100',
    size: '5 KB',
    gateway: 'translate',
    makeRequest: translate(5 * 1024),
    count: 10,
  },
];

async function main() {
  const machine = machineDescription();
  const environment = await startEnvironment({ passThrough: false, log });
  const rows = [];
  try {
    const variants = {};
    for (const name of ['chat', 'image', 'translate']) {
      variants[name] = await environment.startExtra({ gateway: name, stubPlatform: true });
    }
    let counter = 0;
    for (const { route, size, gateway, makeRequest, count } of CASES) {
      const { url, pid } = variants[gateway];
      for (let warm = 0; warm < 2; warm++)
        await sendRequest(url, { ...makeRequest(counter++), timeoutMs: 60_000 });
      const before = cpuMilliseconds(pid);
      let failures = 0;
      for (let request = 0; request < count; request++) {
        const response = await sendRequest(url, {
          ...makeRequest(counter++),
          timeoutMs: 60_000,
          keepAlive: true,
        });
        if (response.status !== 200) failures++;
      }
      const cpuMs = (cpuMilliseconds(pid) - before) / count;
      log(`${route}, ${size}: ${cpuMs.toFixed(1)} ms (${count} requests, ${failures} failed)`);
      rows.push({ route, size, cpuMs, failures });
    }
  } finally {
    await environment.stop();
  }
  const lines = [
    `Gateway CPU per request on ${machine.cores} × ${machine.model} (load average ${loadavg()[0].toFixed(1)}), production bundles in workerd with platform services stubbed (ledger in the isolate, no-op Cache API, R2 that only consumes the bytes); /proc CPU of the workerd process averaged over the requests.`,
    '',
    '| route | size | gateway CPU | under 10 ms |',
    '|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.route} | ${row.size} | ${row.cpuMs.toFixed(1)} ms${row.failures > 0 ? ` (${row.failures} failed)` : ''} | ${row.cpuMs <= FREE_PLAN_CPU_MS ? '✓' : '✗'} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (rows.some((row) => row.failures > 0)) process.exitCode = 1;
}

await main();
