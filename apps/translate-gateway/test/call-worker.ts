import { callWorker, gatewayTestEnv } from '@workers-ai-gateways/core/testing';
import { createSimulator, type Simulator } from '@workers-ai-gateways/workers-ai-sim';
import worker from '../src/index';

/** A worker wired to its own simulator, with a fresh env object (parseConfig memoises per env). */
export interface TestGateway {
  simulator: Simulator;
  env: Record<string, unknown>;
  /** Calls the worker like a client would and waits for its background work (cache stores). */
  call(path: string, init?: RequestInit): Promise<Response>;
  /** A `fetch` for SDKs: any URL is answered by the worker. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Upstream m2m100 calls so far. */
  translations(): Array<{ text: string; source_lang: string; target_lang: string }>;
}

/**
 * The ledger's Durable Object storage lasts for the whole run, so the budget guard is off by
 * default (`DAILY_NEURON_BUDGET: '0'`; charges are still recorded); tests of the guard or of
 * usage set their own budget and move the clock to a UTC day of their own.
 */
export function createTestGateway(
  overrides: Record<string, unknown> = {},
  simulator: Simulator = createSimulator(),
): TestGateway {
  const testEnv = gatewayTestEnv(simulator, overrides);
  const fetchWorker = (input: RequestInfo | URL, init?: RequestInit) =>
    callWorker(worker, new Request(input, init), testEnv);
  return {
    simulator,
    env: testEnv,
    call: (path, init) => fetchWorker(`https://translate.test${path}`, init),
    fetch: fetchWorker,
    translations: () =>
      simulator.calls
        .filter((call) => call.model === '@cf/meta/m2m100-1.2b')
        .map((call) => call.inputs as { text: string; source_lang: string; target_lang: string }),
  };
}

/** A JSON POST. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * A unique marker so tests do not share cached segments. Digits only: hex letters would change
 * what language detection sees and make detection assertions flaky.
 */
export function unique(label: string): string {
  return `${label} ${crypto.getRandomValues(new Uint32Array(1))[0]}`;
}
