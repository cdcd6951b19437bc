// Audio near the limit (issue 11 #7): the chat gateway's workerd process, fresh for each upload,
// must hold a transcription upload of the documented size within a 128 MB isolate's room. The
// gateway runs in REST mode against the simulator, and in binding mode with an `AI` binding that
// does what workerd's own does (inputs as one JSON body, or the one `{body: ReadableStream,
// contentType}` input as the raw request body), so that both transports' copies are counted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { Miniflare } from 'miniflare';
import { childProcesses, rssBytes } from 'tools-harness/proc-stats';
import { makeMultipart } from '../lib/fixtures.mjs';
import { GATEWAY_KEY } from '../lib/scenarios.mjs';
import { sendRequest } from '../lib/send-request.mjs';

const MiB = 1024 * 1024;

/**
 * The documented limits (README, `BODY_LIMITS`): the body for binary-input models, the file for
 * whisper-1 (sent as base64); the uploads measured are files just under them.
 */
export const AUDIO_LIMITS = { binary: 25 * MiB - 4096, base64: 8 * MiB };

/**
 * What one transcription at the limit may add to the workerd process's peak RSS (a Worker has
 * 128 MB): measured +72 MiB for binary-input models and +90 MiB for whisper-1 over the binding
 * (+31 MiB over REST); before issue 11 #7 the same uploads took +188 to +280 MiB and more.
 */
export const AUDIO_PEAK_BOUND = { binary: 96 * MiB, base64: 110 * MiB };

// workerd's `env.AI` (src/cloudflare/internal/ai-api.ts), reduced to `run` over the simulator's
// REST API: an input `{body: ReadableStream, contentType}` becomes the request body as it is,
// everything else one JSON body.
const BINDING_SCRIPT = `
export default function (env) {
  return {
    async run(model, inputs) {
      const headers = { authorization: 'Bearer bench' };
      const streamKey = Object.keys(inputs).find(
        (key) => inputs[key] && typeof inputs[key] === 'object' && inputs[key].body instanceof ReadableStream,
      );
      let body;
      if (streamKey === undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(inputs);
      } else {
        headers['content-type'] = inputs[streamKey].contentType;
        body = inputs[streamKey].body;
      }
      const response = await fetch(env.SIMULATOR_URL + '/client/v4/accounts/bench/ai/run/' + model, {
        method: 'POST',
        headers,
        body,
      });
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('application/json')) return response.body;
      const envelope = await response.json();
      if (!response.ok) throw new Error(envelope.errors[0].code + ': ' + envelope.errors[0].message);
      return envelope.result;
    },
  };
}
`;

/** Peak RSS (VmHWM) of a process, in bytes. */
function peakRssBytes(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** A WAV of `bytes` bytes in all: a 16 kHz mono header, then silence. */
export function silentWav(bytes) {
  const buffer = Buffer.alloc(bytes);
  const data = bytes - 44;
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + data, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(16_000, 24);
  buffer.writeUInt32LE(32_000, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(data, 40);
  return buffer;
}

/** The multipart body of a transcription of `audio` with `model`. */
export function transcriptionForm(audio, model) {
  return makeMultipart([
    ['model', model],
    ['file', { filename: 'speech.wav', contentType: 'audio/wav', bytes: audio }],
  ]);
}

/**
 * Starts the chat gateway's bundle in a workerd process of its own, in `mode` (`rest` or
 * `binding`), against the simulator at `environment.simulator.url`.
 */
export async function startChatGateway(environment, mode) {
  // Typed loosely, as start-workers.mjs does: the option that keeps the AI binding local is newer
  // than wrangler's published types.
  process.env.WRANGLER_LOG ??= 'error';
  const { unstable_getMiniflareWorkerOptions } = /** @type {any} */ (await import('wrangler'));
  const chat = environment.gateways.chat;
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(chat.dir, 'wrangler.jsonc'), undefined, {
    remoteBindingsEnabled: false,
  });
  const { ai: _ai, ...rest } = workerOptions;
  const before = new Set(childProcesses(process.pid, 'workerd'));
  const gateway = {
    ...rest,
    name: 'chat-gateway',
    modules: true,
    scriptPath: chat.bundle.main,
    modulesRoot: chat.bundle.outdir,
    bindings: {
      ...workerOptions.bindings,
      ...environment.env,
      ...(mode === 'binding' ? { UPSTREAM_MODE: 'binding' } : {}),
    },
    ...(mode === 'binding' ? { wrappedBindings: { AI: { scriptName: 'ai-binding' } } } : {}),
  };
  const binding = {
    name: 'ai-binding',
    modules: true,
    script: BINDING_SCRIPT,
    bindings: { SIMULATOR_URL: environment.simulator.url },
  };
  const miniflare = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    cf: false,
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.resume();
      stderr.resume();
    },
    workers: mode === 'binding' ? [gateway, binding] : [gateway],
  });
  const url = await miniflare.ready;
  const pid = childProcesses(process.pid, 'workerd').find((candidate) => !before.has(candidate));
  if (pid === undefined) {
    await miniflare.dispose();
    throw new Error('could not find the workerd process Miniflare started');
  }
  return { url: url.origin, pid, stop: () => miniflare.dispose() };
}

/**
 * Uploads `bytes` of audio to a fresh chat gateway and reads how far the workerd process's RSS
 * rose above where it stood after a small warm-up transcription.
 */
export async function measureTranscriptionPeak(environment, { mode, model, bytes }) {
  const gateway = await startChatGateway(environment, mode);
  try {
    const headers = (contentType) => ({
      authorization: `Bearer ${GATEWAY_KEY}`,
      'content-type': contentType,
    });
    const warmUp = transcriptionForm(silentWav(64 * 1024), model);
    const warm = await sendRequest(gateway.url, {
      method: 'POST',
      path: '/v1/audio/transcriptions',
      headers: headers(warmUp.contentType),
      body: warmUp.body,
      timeoutMs: 30_000,
    });
    assert.equal(warm.status, 200, `warm-up: ${warm.status} ${warm.text?.slice(0, 300) ?? warm.error}`);
    const baseline = rssBytes(gateway.pid);
    const form = transcriptionForm(silentWav(bytes), model);
    const response = await sendRequest(gateway.url, {
      method: 'POST',
      path: '/v1/audio/transcriptions',
      headers: headers(form.contentType),
      body: form.body,
      timeoutMs: 60_000,
    });
    return {
      status: response.status,
      text: response.text ?? response.error,
      baseline,
      peak: peakRssBytes(gateway.pid),
      growth: peakRssBytes(gateway.pid) - baseline,
    };
  } finally {
    await gateway.stop();
  }
}

/** Registers the audio memory tests; `context.environment` is started by the caller. */
export function audioMemorySuite(context) {
  const cases = [
    { mode: 'rest', model: '@cf/openai/whisper', kind: 'binary' },
    { mode: 'binding', model: '@cf/openai/whisper', kind: 'binary' },
    { mode: 'binding', model: '@cf/deepgram/nova-3', kind: 'binary' },
    { mode: 'rest', model: 'whisper-1', kind: 'base64' },
    { mode: 'binding', model: 'whisper-1', kind: 'base64' },
  ];
  for (const { mode, model, kind } of cases) {
    const bytes = AUDIO_LIMITS[kind];
    const bound = AUDIO_PEAK_BOUND[kind];
    it(`${mode} ${model}: a ${(bytes / MiB).toFixed(1)} MiB upload raises the worker's peak RSS by at most ${bound / MiB} MiB`, {
      timeout: 120_000,
    }, async (t) => {
      const result = await measureTranscriptionPeak(context.environment, { mode, model, bytes });
      t.diagnostic(
        `${mode} ${model} ${(bytes / MiB).toFixed(1)} MiB: status ${result.status}, RSS ${(result.baseline / MiB).toFixed(1)} MiB before, peak ${(result.peak / MiB).toFixed(1)} MiB (+${(result.growth / MiB).toFixed(1)} MiB)`,
      );
      assert.equal(result.status, 200, result.text.slice(0, 300));
      assert.ok(
        result.growth <= bound,
        `peak RSS rose by ${(result.growth / MiB).toFixed(1)} MiB (bound ${bound / MiB} MiB)`,
      );
    });
  }
}
