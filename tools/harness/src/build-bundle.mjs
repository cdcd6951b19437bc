// @ts-check
// A Worker's production bundle, built by `wrangler deploy --dry-run` exactly as a deploy builds it.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { WRANGLER } from './paths.mjs';

const run = promisify(execFile);

/**
 * @typedef {object} Bundle
 * @property {string} outdir where wrangler wrote the modules
 * @property {string} main the entry module (`index.js`)
 * @property {string[]} files every module uploaded (no source map, no README)
 * @property {number} rawBytes their total size
 * @property {number} gzipBytes their total size after gzip level 9, each file on its own
 * @property {string} reported the "Total Upload" line wrangler printed, to compare both measurements
 */

/** @param {string} directory @returns {string[]} */
function listFiles(directory) {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Runs `wrangler deploy --dry-run --outdir <outdir>` in `directory` and measures what would be
 * uploaded.
 * @param {string} directory a Worker's directory (holds its wrangler.jsonc)
 * @param {string} outdir an empty directory for the bundle
 * @returns {Promise<Bundle>}
 */
export async function buildBundle(directory, outdir) {
  let output;
  try {
    output = await run(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: directory,
      // No banner means no update check against the npm registry, and no metrics either.
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        WRANGLER_HIDE_BANNER: 'true',
        WRANGLER_SEND_METRICS: 'false',
        CI: 'true',
      },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 120_000,
    });
  } catch (error) {
    const failed = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`wrangler could not build ${directory}:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
  const files = listFiles(outdir).filter((file) => !file.endsWith('.map') && !file.endsWith('README.md'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(file);
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  const main =
    files.find((file) => file === join(outdir, 'index.js')) ?? files[0] ?? join(outdir, 'index.js');
  const reported = /Total Upload:[^\n]*/.exec(output.stdout)?.[0] ?? '';
  return { outdir, main, files, rawBytes, gzipBytes, reported };
}
