// Everything a bench run or a reliability test needs: production bundles, the simulator in its own
// process, each gateway and the pass-through Worker in their own workerd, all on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle } from 'tools-harness/build-bundle';
import { BENCH_SIMULATOR_DIR, GATEWAYS } from 'tools-harness/paths';
import { startSimulator } from 'tools-harness/start-simulator';
import { GATEWAY_KEY } from './scenarios.mjs';
import { sendRequest } from './send-request.mjs';
import { startGateway, startNullWorker, startPassThrough } from './start-workers.mjs';

/**
 * Builds and starts the environment. `secret` is the CF_API_TOKEN every gateway holds: a fresh
 * random string, so that a test can search every response for it.
 * @param {{ passThrough?: boolean, log?: (message: string) => void }} [options]
 */
export async function startEnvironment({ passThrough = true, log = () => {} } = {}) {
  const workdir = mkdtempSync(join(tmpdir(), 'workers-ai-bench-'));
  const started = performance.now();
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(workdir, { recursive: true, force: true });
  };
  try {
    const [simulatorBundle, ...bundles] = await Promise.all([
      buildBundle(BENCH_SIMULATOR_DIR, join(workdir, 'simulator')),
      ...GATEWAYS.map((gateway) => buildBundle(gateway.dir, join(workdir, gateway.name))),
    ]);
    log(`built 4 bundles in ${Math.round(performance.now() - started)} ms`);
    const simulator = await startSimulator(simulatorBundle.main);
    stops.push(simulator.stop);
    const secret = `cf-token-${randomUUID()}`;
    const env = {
      UPSTREAM_MODE: 'rest',
      CF_ACCOUNT_ID: 'bench-account',
      CF_API_TOKEN: secret,
      CF_API_BASE: `${simulator.url}/client/v4`,
      GATEWAY_KEYS: GATEWAY_KEY,
      // High enough never to refuse, so that the ledger is still consulted on every request.
      DAILY_NEURON_BUDGET: '1000000000',
    };
    const gateways = {};
    for (const [index, gateway] of GATEWAYS.entries()) {
      const bundle = bundles[index];
      const worker = await startGateway({ directory: gateway.dir, bundle, env });
      gateways[gateway.name] = { ...gateway, bundle, ...worker };
      stops.push(() => gateways[gateway.name].stop());
    }
    let passThroughWorker;
    if (passThrough) {
      passThroughWorker = await startPassThrough({ env });
      stops.push(passThroughWorker.stop);
    }
    log(
      `started the simulator, ${GATEWAYS.length} gateways${passThrough ? ' and the pass-through' : ''} in ${Math.round(performance.now() - started)} ms`,
    );

    const control = async (path, body) => {
      const response = await sendRequest(simulator.url, {
        method: body === undefined ? 'GET' : 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 200)
        throw new Error(`simulator ${path}: ${response.status} ${response.error ?? response.text}`);
      return JSON.parse(response.text);
    };
    return {
      secret,
      env,
      simulator,
      gateways,
      passThrough: passThroughWorker,
      /** Clears the simulator's queued faults, call list and neuron count. */
      resetSimulator: () => control('/__sim/reset', {}),
      /** Queues faults (SimulatorFault objects) for upcoming upstream calls. */
      injectFaults: (faults) => control('/__sim/faults', faults),
      simulatorState: () => control('/__sim/state'),
      /**
       * Replaces a gateway's workerd with a fresh one (empty ledger, R2 and cache). With
       * `persistStorage`, that storage lives in files of its own (see startGateway's `persistRoot`).
       * `inspect` opens workerd's inspector on a free port (`inspectorPort` on the gateway), so
       * that the Worker's own heap can be read.
       * @param {string} name
       * @param {{ persistStorage?: boolean, inspect?: boolean }} [options]
       */
      async restartGateway(name, { persistStorage = false, inspect = false } = {}) {
        const current = gateways[name];
        await current.stop();
        const persistRoot = persistStorage ? mkdtempSync(join(workdir, `${name}-storage-`)) : undefined;
        const inspectorPort = inspect ? await freePort() : undefined;
        const worker = await startGateway({
          directory: current.dir,
          bundle: current.bundle,
          env,
          persistRoot,
          inspectorPort,
        });
        gateways[name] = { ...current, ...worker, inspectorPort };
      },
      /**
       * Starts an extra Worker (stopped with the environment, or by its own `stop`): a gateway
       * variant (see startGateway's `withoutDurableObjects` and `stubPlatform`) or the null Worker.
       */
      async startExtra({ gateway, withoutDurableObjects = false, stubPlatform = false, nullWorker = false }) {
        const worker = nullWorker
          ? await startNullWorker()
          : await startGateway({
              directory: gateways[gateway].dir,
              bundle: gateways[gateway].bundle,
              env,
              withoutDurableObjects,
              stubPlatform,
            });
        stops.push(worker.stop);
        return worker;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** A TCP port nothing listens on now, on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}
