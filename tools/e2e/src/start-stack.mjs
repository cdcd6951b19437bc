// The simulator (in its own process, started as the bench starts it) and the three gateways, each a
// production bundle in its own workerd (Miniflare), on free 127.0.0.1 ports. The gateways reach the simulator over REST, as `pnpm dev` does.
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { GATEWAYS } from 'tools-harness/paths';
import { startSimulator } from 'tools-harness/start-simulator';

let wranglerModule;
async function wrangler() {
  // wrangler warns that the AI binding is remote; the gateways here use UPSTREAM_MODE=rest instead.
  process.env.WRANGLER_LOG ??= 'error';
  wranglerModule ??= await import('wrangler');
  return wranglerModule;
}

/** Each Worker's own log lines, kept (the last few hundred) for a failing test to print. */
function collectLogs(lines) {
  const keep = (text) => {
    lines.push(...String(text).split('\n').filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 200);
  };
  return {
    handleRuntimeStdio(stdout, stderr) {
      stdout.on('data', keep);
      stderr.on('data', keep);
    },
    handleStructuredLogs({ message }) {
      keep(message);
    },
  };
}

/** Starts a built bundle with the bindings its wrangler.jsonc declares, minus AI, plus `bindings`. */
async function startWorker(directory, bundle, bindings = {}) {
  const { unstable_getMiniflareWorkerOptions } = await wrangler();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(directory, 'wrangler.jsonc'), undefined, {
    remoteBindingsEnabled: false,
  });
  const { ai: _ai, ...options } = workerOptions;
  const logs = [];
  const miniflare = new Miniflare({
    ...options,
    ...collectLogs(logs),
    host: '127.0.0.1',
    port: 0,
    // Miniflare would otherwise download a `request.cf` sample from the internet.
    cf: false,
    modules: true,
    scriptPath: bundle.main,
    modulesRoot: bundle.outdir,
    bindings: { ...workerOptions.bindings, ...bindings },
  });
  const url = await miniflare.ready;
  return { url: url.origin, logs, stop: () => miniflare.dispose() };
}

/**
 * Starts the simulator, then each gateway in REST mode against it with `key` as its only client
 * key. `bundles` maps `simulator` and each gateway name to a built bundle; `gatewayBindings`
 * adds settings to one gateway by name.
 */
export async function startStack({ bundles, key, gatewayBindings = {} }) {
  const stops = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const simulator = await startSimulator(bundles.simulator.main);
    stops.push(simulator.stop);
    const env = {
      UPSTREAM_MODE: 'rest',
      CF_ACCOUNT_ID: 'e2e-account',
      CF_API_TOKEN: 'e2e-cloudflare-token',
      CF_API_BASE: `${simulator.url}/client/v4`,
      GATEWAY_KEYS: key,
    };
    const gateways = {};
    await Promise.all(
      GATEWAYS.map(async (gateway) => {
        const worker = await startWorker(gateway.dir, bundles[gateway.name], {
          ...env,
          ...gatewayBindings[gateway.name],
        });
        stops.push(worker.stop);
        gateways[gateway.name] = { ...gateway, ...worker };
      }),
    );
    return { simulator, gateways, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
