// Where things are: the repository root, its wrangler, and the three gateways.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ROOT = join(BENCH_DIR, '..', '..');
export const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

/** The gateways under test, with the envelope each one's errors use by default. */
export const GATEWAYS = [
  { name: 'chat', dir: join(ROOT, 'apps', 'chat-gateway') },
  { name: 'image', dir: join(ROOT, 'apps', 'image-gateway') },
  { name: 'translate', dir: join(ROOT, 'apps', 'translate-gateway') },
];

/** The simulator Worker the bench runs (a wrapper with no daily neuron limit). */
export const SIMULATOR_DIR = join(BENCH_DIR, 'simulator');
