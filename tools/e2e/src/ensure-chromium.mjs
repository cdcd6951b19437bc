// The browser suite needs Debian's Chromium. On a fresh machine the README's test command must
// still pass by itself, so this installs it through apt when it can (as root, or with sudo that
// needs no password), and otherwise fails at once, naming the command to run: it never waits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the suite looks for Chromium (`CHROMIUM_PATH` overrides Debian's path). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';
// A fresh machine downloads ~100 MB of packages; past this, apt is stuck, not slow.
const APT_TIMEOUT_MS = 10 * 60_000;

function run(command, args, log) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: APT_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error !== undefined || result.status !== 0) {
    const reason = result.error?.message ?? result.stderr?.toString().trim().split('\n').at(-1) ?? '';
    throw new Error(`${[command, ...args].join(' ')} failed after ${seconds} s: ${reason}`);
  }
  log(`${[command, ...args].join(' ')}: done in ${seconds} s`);
}

/**
 * Makes sure Chromium is at `CHROMIUM`: present already, or installed now with apt. Throws at
 * once with what to run when it cannot be installed here (not Debian's path, no apt, not root
 * and no password-less sudo, or `E2E_INSTALL_CHROMIUM=0`).
 */
export function ensureChromium(log = (message) => console.log(`[e2e] ${message}`)) {
  if (existsSync(CHROMIUM)) return;
  const cannot = (why) =>
    new Error(
      `${CHROMIUM} is missing and ${why}. The browser tests need Debian's chromium: run \`sudo ${INSTALL}\` (or set CHROMIUM_PATH), then the tests again.`,
    );
  if (CHROMIUM !== DEBIAN_CHROMIUM) throw cannot('CHROMIUM_PATH names a custom path');
  if (process.env.E2E_INSTALL_CHROMIUM === '0') throw cannot('E2E_INSTALL_CHROMIUM=0 forbids installing it');
  if (!existsSync('/usr/bin/apt-get')) throw cannot('this machine has no apt-get');
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status !== 0) {
    throw cannot('installing it needs root (sudo asks for a password)');
  }
  log(`${CHROMIUM} is missing: installing Debian's chromium with apt (once per machine)`);
  const apt = (...args) =>
    isRoot ? run('apt-get', args, log) : run('sudo', ['-n', 'apt-get', ...args], log);
  apt('update', '-qq');
  apt('install', '-y', '-qq', 'chromium');
  if (!existsSync(CHROMIUM)) throw cannot('apt installed chromium somewhere else');
}
