// @ts-check
// Where things are: the repository root, its wrangler, the simulators and the three gateways.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HARNESS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(HARNESS_DIR, '..', '..');
export const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

/** The simulator as `pnpm dev` runs it (with its daily neuron limit). */
export const SIMULATOR_DIR = join(ROOT, 'packages', 'workers-ai-sim');
/** The simulator as the bench runs it: a wrapper with no daily neuron limit. */
export const BENCH_SIMULATOR_DIR = join(ROOT, 'tools', 'bench', 'simulator');

/**
 * @typedef {object} GatewayPlace
 * @property {'chat' | 'image' | 'translate'} name the short name bench rows and suites use
 * @property {string} app the workspace package name
 * @property {string} dir the app's directory (holds its wrangler.jsonc)
 * @property {number} gzipTargetKiB SPEC §9's gzip bundle target
 */

/** @type {GatewayPlace[]} */
export const GATEWAYS = [
  { name: 'chat', app: 'chat-gateway', dir: join(ROOT, 'apps', 'chat-gateway'), gzipTargetKiB: 64 },
  { name: 'image', app: 'image-gateway', dir: join(ROOT, 'apps', 'image-gateway'), gzipTargetKiB: 64 },
  {
    name: 'translate',
    app: 'translate-gateway',
    dir: join(ROOT, 'apps', 'translate-gateway'),
    gzipTargetKiB: 1024,
  },
];
