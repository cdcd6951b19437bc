// @ts-check
// Child process: runs the simulator's bundle in its own workerd via Miniflare, so that its CPU
// never counts against a gateway. Prints one JSON line `{url, pid}` when ready; stops when its
// parent closes stdin or sends SIGTERM.
//
// Clients reach it through a small Node HTTP server in front rather than workerd's own socket:
// workerd's server closes an idle kept-alive connection after a few seconds while the gateways'
// workerd may reuse that very connection, and a few upstream calls per thousand then failed with
// "Network connection lost", an artefact of two local workerd processes, not of the gateways.
// Node's server keeps idle connections far longer than workerd's client pool does, so the client
// always closes first.
import http from 'node:http';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Miniflare } from 'miniflare';
import { childProcesses } from './proc-stats.mjs';

const [scriptPath] = process.argv.slice(2);
if (scriptPath === undefined) throw new Error('usage: simulator-process.mjs <bundle entry module>');
const miniflare = new Miniflare({
  modules: true,
  scriptPath,
  // Module names are paths relative to this root, and workerd refuses any that start with `..`.
  modulesRoot: dirname(scriptPath),
  compatibilityDate: '2026-04-01',
  compatibilityFlags: ['nodejs_compat'],
  host: '127.0.0.1',
  port: 0,
  // No fetch of the `request.cf` sample from the internet.
  cf: false,
  // BENCH_DEBUG=1 shows the simulator's own output (on this process's stderr).
  handleRuntimeStdio: (stdout, stderr) => {
    if (process.env.BENCH_DEBUG === '1') {
      stdout.pipe(process.stderr);
      stderr.pipe(process.stderr);
    } else {
      stdout.resume();
      stderr.resume();
    }
  },
});
const upstream = await miniflare.ready;
const [pid] = childProcesses(process.pid, 'workerd');

const server = http.createServer((request, response) => {
  const forwarded = http.request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path: request.url,
      headers: request.headers,
      // One connection per call on this hop, so that the same race cannot happen here.
      agent: false,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      // Streams pass through as they come: each SSE event is flushed on arrival.
      pipeline(answer, response).catch(() => response.destroy());
    },
  );
  forwarded.on('error', (error) => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`simulator front: ${error.message}`);
  });
  // A client (gateway) that gives up cancels the call, as Workers AI sees a dropped request.
  response.on('close', () => {
    if (!response.writableFinished) forwarded.destroy();
  });
  pipeline(request, forwarded).catch(() => forwarded.destroy());
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close();
  await miniflare.dispose().catch(() => undefined);
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
