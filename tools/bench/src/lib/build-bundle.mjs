// Production bundles, built the way `wrangler deploy` builds them, and their gzip size.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { WRANGLER } from './paths.mjs';

const run = promisify(execFile);

/**
 * Runs `wrangler deploy --dry-run --outdir` in `directory` and returns the module files it wrote
 * (source maps and the README left out) with their raw and gzip sizes, as uploaded.
 */
export async function buildBundle(directory, outdir) {
  try {
    await run(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: directory,
      env: { ...process.env, FORCE_COLOR: '0', WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`wrangler could not build ${directory}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  const files = listFiles(outdir).filter((file) => !file.endsWith('.map') && !file.endsWith('README.md'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(file);
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  const main = files.find((file) => file === join(outdir, 'index.js')) ?? files[0];
  return { outdir, main, files, rawBytes, gzipBytes };
}

function listFiles(directory) {
  const files = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}
