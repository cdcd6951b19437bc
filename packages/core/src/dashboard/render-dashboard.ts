import { encodeBase64 } from '../encoding/encode-base64';
import { DASHBOARD_SCRIPT } from './dashboard-script';
import { DASHBOARD_STYLE } from './dashboard-style';
import type { DashboardPage } from './dashboard-types';
import { escapeHtml } from './escape-html';

const MODE_NOTES = {
  binding: 'Workers AI binding',
  rest: 'Workers AI REST API with the gateway\u2019s token',
  passthrough: 'your Cloudflare API token is forwarded to Workers AI',
} as const;

// The hash of each distinct inline script or stylesheet, computed once per isolate: the page's
// code is the same on every request (only the data block differs, and data blocks never run).
const hashes = new Map<string, Promise<string>>();

function sha256Source(text: string): Promise<string> {
  let hash = hashes.get(text);
  if (hash === undefined) {
    hash = crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(text))
      .then((digest) => `'sha256-${encodeBase64(new Uint8Array(digest))}'`);
    hashes.set(text, hash);
  }
  return hash;
}

// `<` is written as \u003c so that no value can close the data block's <script> element.
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function renderSettings(page: DashboardPage): string {
  return page.settings
    .map((setting, index) => {
      const id = `setting-${index}`;
      const note = setting.note === undefined ? '' : `<p class="hint">${escapeHtml(setting.note)}</p>`;
      return `<h3>${escapeHtml(setting.title)}<button type="button" class="copy" data-copy="${id}">Copy</button></h3>${note}<pre id="${id}">${escapeHtml(setting.text)}</pre>`;
    })
    .join('');
}

function renderModels(page: DashboardPage): string {
  return page.options.models
    .map((model) => {
      const alias =
        model.alias_for === undefined ? '' : ` <small>\u2192 ${escapeHtml(model.alias_for)}</small>`;
      return `<li><code>${escapeHtml(model.id)}</code>${alias}</li>`;
    })
    .join('');
}

/**
 * Renders a gateway's HTML home page: status and upstream mode, today's neuron usage (read from
 * `/v1/usage` with the key the user types, which never leaves the browser except to this
 * gateway), a playground, copy-ready client settings with the gateway's own URL, and its models.
 * No framework and no external resource; the inline script and stylesheet are allowed by their
 * SHA-256 hashes in a strict Content-Security-Policy, and every interpolated value is escaped.
 */
export async function renderDashboard(page: DashboardPage): Promise<Response> {
  const { options } = page;
  const script = `(() => {${DASHBOARD_SCRIPT}${page.playgroundScript}refresh();})();`;
  const [scriptHash, styleHash] = await Promise.all([sha256Source(script), sha256Source(DASHBOARD_STYLE)]);
  const passthrough = options.upstreamMode === 'passthrough';
  const keyLabel = passthrough ? 'Your Cloudflare API token' : 'Your key';
  const keyHint = passthrough
    ? 'This gateway forwards your Cloudflare API token to Workers AI.'
    : 'One of the gateway\u2019s GATEWAY_KEYS.';
  const version = options.version === undefined ? '' : ` \u00b7 v${escapeHtml(options.version)}`;
  const data = { name: page.name, anonymous: options.anonymous };
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.name)} \u00b7 Workers AI gateway</title><link rel="icon" href="data:,"><style>${DASHBOARD_STYLE}</style></head>
<body><header><h1>${escapeHtml(page.name)}</h1><p>${escapeHtml(page.description)}</p>
<p class="meta"><span id="status" class="pill">checking\u2026</span> upstream <strong id="mode">${escapeHtml(options.upstreamMode)}</strong> (${escapeHtml(MODE_NOTES[options.upstreamMode])})${version} \u00b7 <code>${escapeHtml(options.origin)}</code></p></header>
<main><section><h2>${keyLabel}</h2><form id="key-form"><input id="key" type="password" autocomplete="off" spellcheck="false" placeholder="${escapeHtml(keyHint)}" aria-label="${keyLabel}" size="36"><label><input id="remember" type="checkbox"> remember in this browser</label><button>Use</button></form>
<p class="hint">Kept in this page${passthrough ? '' : ' (or in this browser\u2019s localStorage if remembered)'} and sent only to this gateway.</p></section>
<section><h2>Today\u2019s neurons</h2><div id="usage" data-state="loading"><p class="hint">Loading\u2026</p></div></section>
<section><h2>Playground</h2>${page.playgroundHtml}</section>
<section><h2>Client settings</h2>${renderSettings(page)}</section>
<section><h2>Models</h2><ul id="models">${renderModels(page)}</ul></section></main>
<script type="application/json" id="gateway-data">${jsonForScript(data)}</script><script>${script}</script></body></html>`;
  const imageSources = ["'self'", 'data:', originOf(options.imageBaseUrl)].filter(Boolean).join(' ');
  const policy = [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    `img-src ${imageSources}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      vary: 'Accept',
    },
  });
}
