// Where things are: the repository root, its wrangler, the simulator and the three gateways.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(E2E_DIR, '..', '..');
export const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');
export const ARTIFACTS_DIR = join(E2E_DIR, 'test-artifacts');
export const SIMULATOR_DIR = join(ROOT, 'packages', 'workers-ai-sim');

/** The gateways, each with SPEC §9's gzip bundle target. */
export const GATEWAYS = [
  {
    name: 'chat',
    app: 'chat-gateway',
    dir: join(ROOT, 'apps', 'chat-gateway'),
    gzipTargetKiB: 64,
  },
  {
    name: 'image',
    app: 'image-gateway',
    dir: join(ROOT, 'apps', 'image-gateway'),
    gzipTargetKiB: 64,
  },
  {
    name: 'translate',
    app: 'translate-gateway',
    dir: join(ROOT, 'apps', 'translate-gateway'),
    gzipTargetKiB: 1024,
  },
];
