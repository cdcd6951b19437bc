// @ts-check
// Starts the simulator in another process and hands back its URL and workerd pid.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HARNESS_DIR } from './paths.mjs';

/**
 * @typedef {object} RunningSimulator
 * @property {string} url where clients reach it (a Node front on 127.0.0.1)
 * @property {number} pid its workerd's process id, for CPU and memory readings
 * @property {import('node:child_process').ChildProcess} process the Node process that runs it
 * @property {() => Promise<void>} stop ends it
 */

/**
 * Spawns `simulator-process.mjs` on a built simulator bundle, so that the simulator's CPU never
 * counts against a gateway.
 * @param {string} scriptPath the bundle's entry module
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<RunningSimulator>}
 */
export function startSimulator(scriptPath, { timeoutMs = 60_000 } = {}) {
  const child = spawn(process.execPath, [join(HARNESS_DIR, 'src', 'simulator-process.mjs'), scriptPath], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    if (process.env.BENCH_DEBUG === '1') process.stderr.write(`[simulator] ${chunk}`);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the simulator did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += chunk.toString();
      const newline = pending.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const { url, pid } = JSON.parse(pending.slice(0, newline));
      child.stdout.resume();
      resolve({
        url,
        pid,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.stdin.end();
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited with code ${code}\n${stderr}`));
    });
  });
}
