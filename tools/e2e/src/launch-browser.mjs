// Debian's headless Chromium driven by playwright-core (no browser download: ensureChromium
// installs Debian's package when it is missing).
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium } from './ensure-chromium.mjs';

/**
 * Launches Chromium with every background service off: this machine's network is closed, and
 * the tests must send traffic only to 127.0.0.1.
 */
export function launchBrowser() {
  ensureChromium();
  return chromium.launch({
    // A browser that cannot start fails the suite within this, never holds it.
    timeout: 60_000,
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
