// A fresh machine without Chromium: the browser suite must stop within seconds, saying what to
// run, and never hang (it once waited 15 minutes with a stack nobody stopped).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const SUITE = join(import.meta.dirname, 'gateways.test.mjs');

test('no-browser: without Chromium the browser suite fails fast with the command to run', async () => {
  const started = Date.now();
  const child = spawn(process.execPath, ['--test', '--test-reporter=spec', SUITE], {
    // Without NODE_TEST_CONTEXT: the child is a test run of its own, not a subtest of this one.
    env: {
      ...withoutTestContext(process.env),
      CHROMIUM_PATH: '/nonexistent/chromium',
      E2E_INSTALL_CHROMIUM: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise((resolve) =>
    child.on('close', (exitCode, signal) => resolve(exitCode ?? signal)),
  );
  clearTimeout(killer);
  const seconds = (Date.now() - started) / 1000;
  assert.notEqual(code, 'SIGKILL', `the suite hung: killed after ${seconds.toFixed(1)} s\n${output}`);
  assert.notEqual(code, 0, 'the suite passed without a browser');
  assert.ok(seconds < 30, `took ${seconds.toFixed(1)} s`);
  assert.match(output, /apt-get install -y chromium/);
});

function withoutTestContext(env) {
  const { NODE_TEST_CONTEXT: _context, ...rest } = env;
  return rest;
}
