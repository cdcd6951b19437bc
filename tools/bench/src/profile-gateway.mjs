#!/usr/bin/env node
// `pnpm --filter bench run profile [row]`: a V8 CPU profile of one gateway while it serves one
// bench row (default chat-stream), summed by function: where a gateway's CPU per request goes.
// Needs the WebSocket client that Node 20 has behind --experimental-websocket (see package.json).
import { benchScenarios } from './lib/scenarios.mjs';
import { sendRequest } from './lib/send-request.mjs';
import { startEnvironment } from './lib/start-environment.mjs';
import { startGateway } from './lib/start-workers.mjs';

const INSPECTOR_PORT = 9230;
const rowId = process.argv[2] ?? 'chat-stream';
const scenario = benchScenarios().find((row) => row.id === rowId);
if (!scenario) throw new Error(`no bench row '${rowId}'`);

const environment = await startEnvironment({ passThrough: false, log: (message) => console.error(message) });
const gateway = environment.gateways[scenario.gateway];
const worker = await startGateway({
  directory: gateway.dir,
  bundle: gateway.bundle,
  env: environment.env,
  inspectorPort: INSPECTOR_PORT,
});
try {
  const targets = await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json();
  const target = targets.find((candidate) => candidate.title.includes('core:user'));
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  let nextId = 1;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  const send = (index) =>
    sendRequest(worker.url, { ...scenario.gatewayRequest(index), keepAlive: true, timeoutMs: 60_000 });
  for (let index = 0; index < 3; index++) await send(index);
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 100 });
  await call('Profiler.start');
  for (let index = 0; index < 10; index++) await send(100 + index);
  const { result } = await call('Profiler.stop');
  socket.close();

  const { nodes, samples } = result.profile;
  const hits = new Map();
  for (const sample of samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
  const byFunction = new Map();
  for (const node of nodes) {
    const frame = node.callFrame;
    // The bundle is minified: a line holds many functions, the column tells them apart.
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + (hits.get(node.id) ?? 0));
  }
  console.log(`${rowId}: ${samples.length} samples of 0.1 ms over 10 requests; self time by function:`);
  for (const [name, count] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * count) / samples.length).toFixed(1).padStart(5)}%  ${name}`);
  }
} finally {
  await worker.stop();
  await environment.stop();
}
