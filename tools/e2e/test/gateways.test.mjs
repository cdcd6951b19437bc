// The gateways as a user meets them: each production bundle (built by `wrangler deploy --dry-run`,
// size-checked against SPEC §9) runs in workerd against the simulator, and Debian's headless
// Chromium opens each home page, types the key, uses the playground and takes a screenshot.
// Every request goes to 127.0.0.1.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildBundle } from 'tools-harness/build-bundle';
import { GATEWAYS, SIMULATOR_DIR } from 'tools-harness/paths';
import { launchBrowser } from '../src/launch-browser.mjs';
import { poll } from '../src/poll.mjs';
import { startStack } from '../src/start-stack.mjs';

const KEY = `e2e-${randomUUID()}`;
const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'test-artifacts');
// A model alias is the one thing an operator puts on the page; this one would run if it were
// ever written as markup.
const HOSTILE_ALIAS = '<img src=x onerror=alert(document.domain)>';
const kib = (bytes) => (bytes / 1024).toFixed(2);
const workdir = mkdtempSync(join(tmpdir(), 'workers-ai-e2e-'));
const bundles = {};
let stack;
let browser;

before(
  async () => {
    // The browser first, alone: without one the suite fails here within seconds (or installs
    // Debian's chromium), before anything is started that would have to be stopped.
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const built = await Promise.all([
      buildBundle(SIMULATOR_DIR, join(workdir, 'simulator')),
      ...GATEWAYS.map((gateway) => buildBundle(gateway.dir, join(workdir, gateway.name))),
    ]);
    bundles.simulator = built[0];
    for (const [index, gateway] of GATEWAYS.entries()) bundles[gateway.name] = built[index + 1];
    // startStack stops whatever it started when it fails; `after` stops the rest.
    stack = await startStack({
      bundles,
      key: KEY,
      gatewayBindings: {
        chat: { MODEL_ALIASES: JSON.stringify({ [HOSTILE_ALIAS]: '@cf/meta/llama-3.1-8b-instruct-fast' }) },
      },
    });
  },
  // A first run on a fresh machine may install chromium with apt (up to 10 minutes).
  { timeout: 12 * 60_000 },
);

after(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(workdir, { recursive: true, force: true });
});

test('bundle-size: each gateway bundle (wrangler deploy --dry-run) is within SPEC §9', (t) => {
  const failures = [];
  for (const gateway of GATEWAYS) {
    const bundle = bundles[gateway.name];
    const line = `${gateway.app}: ${kib(bundle.rawBytes)} KiB raw, ${kib(bundle.gzipBytes)} KiB gzip (target ${gateway.gzipTargetKiB} KiB; wrangler: ${bundle.reported})`;
    t.diagnostic(line);
    console.log(`bundle-size ${line}`);
    if (bundle.gzipBytes > gateway.gzipTargetKiB * 1024) failures.push(line);
  }
  assert.deepEqual(failures, [], 'bundles over their gzip target');
});

/**
 * Opens a gateway's home page in a fresh browser context and records what a user would not
 * want: console errors, uncaught exceptions, and any request that leaves the gateway.
 */
async function openDashboard(gateway) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  const foreignRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push({ text: message.text(), url: message.location().url ?? '' });
    }
  });
  page.on('pageerror', (error) => consoleErrors.push({ text: `uncaught: ${error.message}`, url: '' }));
  page.on('dialog', (dialog) => {
    consoleErrors.push({ text: `dialog: ${dialog.message()}`, url: '' });
    dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${gateway.url}/`) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  const response = await page.goto(`${gateway.url}/`, { waitUntil: 'load' });
  return { context, page, response, consoleErrors, foreignRequests };
}

async function usageStatus(gateway) {
  const response = await fetch(`${gateway.url}/v1/usage`, { headers: { authorization: `Bearer ${KEY}` } });
  return response.status;
}

/** The page's first state (no key), then the key typed in, then usage or a clear "not available". */
async function enterKey(page, gateway) {
  const status = page.locator('#status');
  await poll(async () => (await status.textContent()) === 'online', {
    what: 'the status pill to say online',
  });
  await page.locator('#usage[data-state="need-key"]').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#usage').textContent(), /Enter your key/);
  await page.fill('#key', KEY);
  await page.click('#key-form button');
  const expected = (await usageStatus(gateway)) === 404 ? 'unavailable' : 'ready';
  await page.locator(`#usage[data-state="${expected}"]`).waitFor({ timeout: 10_000 });
  return expected;
}

/**
 * After the playground spent neurons: usage lists the model and today's total against the
 * budget; when the gateway has no /v1/usage yet, the page says so and its only console error is
 * the browser's own report of that 404.
 */
async function checkUsageAndConsole(session, usageState, model) {
  const { page, consoleErrors, foreignRequests } = session;
  if (usageState === 'ready') {
    // A stream is charged once it has ended; the page looks again by itself, and "Use" refreshes.
    await poll(
      async () => {
        if ((await page.locator('.model-usage code').allTextContents()).includes(model)) return true;
        await page.click('#key-form button');
        return false;
      },
      { what: `a usage row for ${model}`, intervalMs: 1000 },
    );
    assert.match(await page.locator('#usage .total').textContent(), /^[\d,.]+ \/ 10,000 neurons$/);
  } else {
    assert.match(await page.locator('#usage').textContent(), /does not report usage/);
  }
  const unexpected = consoleErrors.filter(
    (entry) => !(usageState === 'unavailable' && entry.url.endsWith('/v1/usage') && /404/.test(entry.text)),
  );
  assert.deepEqual(unexpected, [], 'console errors on the page');
  assert.deepEqual(foreignRequests, [], 'requests that left the gateway');
}

/** The page is one small response: its size, raw and gzip, is reported and bounded. */
async function checkPageSize(t, gateway, response) {
  const body = await response.body();
  const gzip = gzipSync(body, { level: 9 }).length;
  const line = `${gateway.app} page: ${kib(body.length)} KiB raw, ${kib(gzip)} KiB gzip`;
  t.diagnostic(line);
  console.log(`page-size ${line}`);
  assert.ok(gzip < 12 * 1024, line);
}

async function checkNegotiation(gateway, response) {
  assert.equal(response.status(), 200);
  const headers = response.headers();
  assert.match(headers['content-type'], /^text\/html/);
  assert.match(headers['content-security-policy'], /script-src 'sha256-[^']+'/);
  for (const accept of ['application/json', '*/*']) {
    const json = await fetch(`${gateway.url}/`, { headers: { accept } });
    assert.match(
      json.headers.get('content-type') ?? '',
      /^application\/json/,
      `GET / with Accept: ${accept}`,
    );
    assert.equal((await json.json()).name ?? gateway.app, gateway.app);
  }
}

async function screenshot(page, gateway) {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${gateway.app}.png`), fullPage: true });
}

describe('dashboards in Chromium', () => {
  test('chat-gateway: key, usage and a streamed chat reply', { timeout: 60_000 }, async (t) => {
    const gateway = stack.gateways.chat;
    const session = await openDashboard(gateway);
    const { page } = session;
    try {
      await checkNegotiation(gateway, session.response);
      await checkPageSize(t, gateway, session.response);
      const usageState = await enterKey(page, gateway);
      // Slow tokens make the stream arrive in many reads, so the test sees it render incrementally.
      const fault = await fetch(`${stack.simulator.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'slow-tokens', ms: 20, times: 1 }),
      });
      assert.equal(fault.status, 200);
      await page.evaluate(() => {
        const counted = /** @type {Window & { chatUpdates: number }} */ (/** @type {unknown} */ (window));
        counted.chatUpdates = 0;
        new MutationObserver(() => {
          counted.chatUpdates += 1;
        }).observe(document.getElementById('chat-log'), {
          subtree: true,
          childList: true,
          characterData: true,
        });
      });
      await page.fill('#chat-input', 'Hello from the browser test [[tokens=30]]');
      await page.click('#chat-send');
      const reply = page.locator('#chat-log p.assistant[data-done="true"]');
      await reply.waitFor({ timeout: 20_000 });
      const text = await reply.textContent();
      assert.match(
        text,
        /^Simulated reply \d+ from @cf\/meta\/llama-3\.1-8b-instruct-fast: Hello from the browser test/,
      );
      assert.equal(text.split(/\s+/).length, 30);
      assert.ok(
        (await page.evaluate(
          () =>
            /** @type {Window & { chatUpdates?: number }} */ (/** @type {unknown} */ (window)).chatUpdates ??
            0,
        )) >= 10,
        'the reply rendered as it streamed',
      );
      assert.match(await page.locator('#chat-meta').textContent(), /30 completion tokens/);
      // The hostile alias is listed as text (first from the page, then from /v1/models), never as markup.
      assert.ok((await page.locator('#models code').allTextContents()).includes(HOSTILE_ALIAS));
      assert.ok(
        (await page.locator('#chat-model option').allTextContents()).some((text) =>
          text.startsWith(HOSTILE_ALIAS),
        ),
      );
      assert.equal(await page.locator('img').count(), 0);
      await checkUsageAndConsole(session, usageState, '@cf/meta/llama-3.1-8b-instruct-fast');
      await screenshot(page, gateway);
    } finally {
      await session.context.close();
    }
  });

  test('image-gateway: key, usage and a generated image that loads', { timeout: 60_000 }, async (t) => {
    const gateway = stack.gateways.image;
    const session = await openDashboard(gateway);
    const { page } = session;
    try {
      await checkNegotiation(gateway, session.response);
      await checkPageSize(t, gateway, session.response);
      const usageState = await enterKey(page, gateway);
      await page.fill('#image-prompt', 'a lighthouse at dawn');
      await page.click('#image-send');
      await page.locator('#image-result:not([hidden])').waitFor({ timeout: 20_000 });
      const [width, height] = await poll(
        () =>
          page.evaluate(() => {
            const image = /** @type {HTMLImageElement} */ (document.getElementById('image-result'));
            return image.complete && image.naturalWidth > 0
              ? [image.naturalWidth, image.naturalHeight]
              : undefined;
          }),
        { what: 'the generated image to load' },
      );
      assert.ok(width >= 256 && height >= 256, `the image is ${width}x${height}`);
      assert.match(
        await page.locator('#image-status a').getAttribute('href'),
        new RegExp(`^${gateway.url}/images/`),
      );
      await checkUsageAndConsole(session, usageState, '@cf/black-forest-labs/flux-1-schnell');
      await screenshot(page, gateway);
    } finally {
      await session.context.close();
    }
  });

  test('translate-gateway: key, languages from /v2/languages and a translation', {
    timeout: 60_000,
  }, async (t) => {
    const gateway = stack.gateways.translate;
    const session = await openDashboard(gateway);
    const { page } = session;
    try {
      await checkNegotiation(gateway, session.response);
      await checkPageSize(t, gateway, session.response);
      const usageState = await enterKey(page, gateway);
      await poll(async () => (await page.locator('#translate-target option').count()) > 50, {
        what: 'the target languages from /v2/languages',
      });
      await page.selectOption('#translate-target', 'DE');
      const text = 'Hello world.\n\nA second paragraph.';
      await page.fill('#translate-input', text);
      await page.click('#translate-send');
      const output = page.locator('#translate-output');
      const shown = await poll(async () => (await output.textContent()) || undefined, {
        what: 'the translation',
      });
      const direct = await fetch(`${gateway.url}/translate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text, source_lang: 'auto', target_lang: 'DE' }),
      });
      assert.equal(direct.status, 200);
      assert.equal(shown, (await direct.json()).data);
      assert.match(shown, /\n\n/);
      assert.equal(await page.locator('#translate-detected').textContent(), 'from EN to DE');
      await checkUsageAndConsole(session, usageState, '@cf/meta/m2m100-1.2b');
      await screenshot(page, gateway);
    } finally {
      await session.context.close();
    }
  });
});
