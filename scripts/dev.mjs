#!/usr/bin/env node
// `pnpm dev`: the simulator on 8790 and the three gateways on 8787-8789, all offline.
// With CF_ACCOUNT_ID and CF_API_TOKEN in a root `.dev.vars`, the gateways talk to the real
// Workers AI instead and the simulator is not started. Every gateway accepts `local-dev-key`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const SIM_PORT = 8790;

function readDevVars(path) {
  if (!existsSync(path)) return {};
  const vars = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    vars[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

const userVars = readDevVars(join(root, '.dev.vars'));
const real = Boolean(userVars.CF_ACCOUNT_ID && userVars.CF_API_TOKEN);
const gatewayVars = {
  ...userVars,
  UPSTREAM_MODE: 'rest',
  GATEWAY_KEYS: ['local-dev-key', userVars.GATEWAY_KEYS].filter(Boolean).join(','),
  ...(real
    ? {}
    : {
        CF_API_BASE: `http://127.0.0.1:${SIM_PORT}/client/v4`,
        CF_ACCOUNT_ID: 'local-account',
        CF_API_TOKEN: 'local-sim-token',
      }),
};

const processes = [
  ...(real ? [] : [{ name: 'sim', dir: 'packages/workers-ai-sim', port: SIM_PORT, vars: {} }]),
  { name: 'chat', dir: 'apps/chat-gateway', port: 8787, vars: gatewayVars },
  { name: 'image', dir: 'apps/image-gateway', port: 8788, vars: gatewayVars },
  { name: 'translate', dir: 'apps/translate-gateway', port: 8789, vars: gatewayVars },
];

const children = [];
const startedAt = Date.now();

// Offline, wrangler fails to fetch the `Request.cf` placeholder from workers.cloudflare.com and
// prints a stack trace per process; it is harmless, so its noise is dropped.
const NOISE = /getaddrinfo ENOTFOUND workers\.cloudflare\.com|Unable to fetch the `Request\.cf` object/;

function prefixLines(name, stream, target) {
  let pending = '';
  let inNoise = false;
  stream.on('data', (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (NOISE.test(line)) inNoise = true;
      else if (inNoise && /^\s+at /.test(line)) continue;
      else inNoise = false;
      if (!inNoise && line.trim()) target.write(`[${name}] ${line}\n`);
    }
  });
}

for (const process_ of processes) {
  const cwd = join(root, process_.dir);
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(process_.port)];
  args.push('--show-interactive-dev-session=false', '--inspector-port', String(process_.port + 1000));
  if (Object.keys(process_.vars).length > 0) {
    // An env file keeps tokens off the command line (and out of `ps`).
    const envFile = join(cwd, '.wrangler', 'dev-gateway.env');
    mkdirSync(dirname(envFile), { recursive: true });
    const lines = Object.entries(process_.vars).map(
      ([key, value]) => `${key}=${JSON.stringify(String(value))}`,
    );
    writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
    args.push('--env-file', envFile);
  }
  const child = spawn(wrangler, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', WRANGLER_SEND_METRICS: 'false' },
  });
  prefixLines(process_.name, child.stdout, process.stdout);
  prefixLines(process_.name, child.stderr, process.stderr);
  child.on('exit', (code) => {
    process.stderr.write(`[${process_.name}] exited with code ${code}\n`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function waitForHealth(port) {
  for (;;) {
    if (stopping) return false;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

await Promise.all(processes.map((process_) => waitForHealth(process_.port)));
if (!stopping) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Ready in ${seconds}s (${real ? 'real Workers AI from .dev.vars' : `simulator on http://127.0.0.1:${SIM_PORT}`}).`,
      '  chat-gateway       http://127.0.0.1:8787',
      '  image-gateway      http://127.0.0.1:8788',
      '  translate-gateway  http://127.0.0.1:8789',
      '  key: local-dev-key   e.g. curl -H "Authorization: Bearer local-dev-key" http://127.0.0.1:8787/v1/models',
      '',
    ].join('\n'),
  );
}
