// The page's shared client code, inline (allowed by its CSP hash). It runs in one function scope
// with the playground's code, which uses `$`, `element`, `api`, `errorText`, `busy`, `afterSpending`
// and pushes its own loaders onto `onKey`. The key lives in memory, and in localStorage only when
// the user ticks "remember"; it is sent only to this gateway (relative URLs) as a bearer token.
// Everything shown comes from the server as data and is written with textContent, never as HTML.
export const DASHBOARD_SCRIPT = `
const $ = (id) => document.getElementById(id);
const page = JSON.parse($('gateway-data').textContent);
const STORE = 'workers-ai-gateway-key';
const onKey = [];
let key = localStorage.getItem(STORE) || '';
$('key').value = key;
$('remember').checked = key !== '';
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
function api(path, init = {}) {
  const headers = new Headers(init.headers);
  if (key) headers.set('authorization', 'Bearer ' + key);
  return fetch(path, { ...init, headers });
}
async function errorText(response) {
  try {
    const body = await response.json();
    const message = (body.error && body.error.message) || body.message;
    return message ? String(message) : 'HTTP ' + response.status;
  } catch {
    return 'HTTP ' + response.status;
  }
}
function busy(button, on) {
  button.disabled = on;
}
const number = (value) => Number(value).toLocaleString('en-US', { maximumFractionDigits: 1 });
function bar(fraction) {
  const outer = element('div', fraction >= 1 ? 'bar full' : 'bar');
  const inner = element('span');
  // A sliver stays visible for small non-zero amounts (1 neuron of 10,000 is 0.01%).
  inner.style.width = (fraction > 0 ? Math.max(0.8, Math.min(100, fraction * 100)) : 0).toFixed(1) + '%';
  outer.append(inner);
  return outer;
}
async function refreshUsage() {
  const box = $('usage');
  const show = (state, message) => {
    box.dataset.state = state;
    box.replaceChildren(element('p', state === 'ready' ? 'hint' : 'hint ' + state, message));
  };
  if (!key && !page.anonymous) return show('need-key', 'Enter your key above to see today\\u2019s neuron usage.');
  let response;
  try {
    response = await api('/v1/usage');
  } catch {
    return show('error', 'The gateway could not be reached.');
  }
  if (response.status === 404) return show('unavailable', 'This gateway does not report usage (GET /v1/usage answered 404).');
  if (response.status === 401 || response.status === 403) return show('bad-key', 'The gateway rejected this key: ' + (await errorText(response)));
  if (!response.ok) return show('error', await errorText(response));
  const usage = await response.json();
  const budget = Number(usage.budget) || 0;
  const used = Number(usage.used) || 0;
  const scale = budget > 0 ? budget : Math.max(used, 1);
  const rows = [];
  const total = element('div', 'row');
  total.append(element('strong', '', 'Today (UTC ' + usage.date + ')'), bar(usage.exhausted ? 1 : used / scale),
    element('span', 'total', number(used) + (budget > 0 ? ' / ' + number(budget) : '') + ' neurons'));
  rows.push(total);
  const models = Object.entries(usage.models || {}).sort((a, b) => b[1] - a[1]);
  for (const [model, neurons] of models) {
    const row = element('div', 'row model-usage');
    row.append(element('code', '', model), bar(neurons / scale), element('span', '', number(neurons)));
    rows.push(row);
  }
  if (models.length === 0) rows.push(element('p', 'hint', 'No model has been called today.'));
  const reset = new Date(usage.reset_at);
  const notes = [budget > 0 ? number(usage.remaining) + ' neurons left' : 'Budget guard off (DAILY_NEURON_BUDGET=0)'];
  if (usage.exhausted) notes.push('today\\u2019s free allocation is used up');
  if (!Number.isNaN(reset.getTime())) notes.push('resets ' + reset.toLocaleString());
  if (usage.scope === 'isolate') notes.push('counted per isolate: bind NEURON_LEDGER for an exact count');
  rows.push(element('p', usage.exhausted ? 'error' : 'hint', notes.join(' \\u00b7 ')));
  const downgrade = usage.budget_downgrade;
  if (downgrade) rows.push(element('p', downgrade.active ? 'error' : 'hint', downgrade.active
    ? 'Budget downgrade in effect: past ' + number(downgrade.threshold) + ' neurons (BUDGET_DOWNGRADE_AT=' + downgrade.at + '), aliases answer with the cheapest model of their chain.'
    : 'Budget downgrade at ' + number(downgrade.threshold) + ' neurons (BUDGET_DOWNGRADE_AT=' + downgrade.at + '): aliases then take the cheapest model of their chain.'));
  box.dataset.state = 'ready';
  box.replaceChildren(...rows);
}
// Streams are charged when they end, a moment after the client has read them: look again shortly.
function afterSpending() {
  refreshUsage();
  setTimeout(refreshUsage, 2000);
}
async function refreshModels() {
  let response;
  try {
    response = await api('/v1/models');
  } catch {
    return;
  }
  if (!response.ok) return;
  const body = await response.json();
  if (!Array.isArray(body.data)) return;
  $('models').replaceChildren(...body.data.map((model) => {
    const item = element('li');
    item.append(element('code', '', String(model.id)));
    if (model.alias_for) item.append(element('small', '', ' \\u2192 ' + model.alias_for));
    return item;
  }));
}
function refresh() {
  refreshUsage();
  if (key || page.anonymous) {
    refreshModels();
    for (const load of onKey) load();
  }
}
$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  key = $('key').value.trim();
  if ($('remember').checked && key) localStorage.setItem(STORE, key);
  else localStorage.removeItem(STORE);
  refresh();
});
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const source = $(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(source.textContent);
    button.textContent = 'Copied';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = 'Selected';
  }
  setTimeout(() => { button.textContent = 'Copy'; }, 1500);
});
fetch('/healthz').then((response) => {
  $('status').textContent = response.ok ? 'online' : 'unhealthy (' + response.status + ')';
  $('status').className = response.ok ? 'pill ok' : 'pill bad';
}, () => {
  $('status').textContent = 'unreachable';
  $('status').className = 'pill bad';
});
`;
