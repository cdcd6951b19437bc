import { createEventStream } from './create-event-stream';
import { FaultQueue } from './fault-queue';
import { findModel } from './find-model';
import { modelCatalog } from './model-catalog';
import { NeuronLedger } from './neuron-ledger';
import { parseFaultHeader } from './parse-fault-header';
import { runModel } from './run-model';
import { type ListedSearchModel, type SearchListChanges, searchModels } from './search-models';
import { SimulatorError } from './simulator-error';
import type {
  ModelRequest,
  ModelRun,
  Simulator,
  SimulatorCall,
  SimulatorFault,
  SimulatorOptions,
  SimulatorRunOptions,
} from './types';

// Workers AI has no documented body limit; past this the sim answers 3006/413 like an oversized upload.
const maximumBodyBytes = 25 * 1024 * 1024;
const rawAudioModels = new Set(['whisper', 'nova']);
// Status faults with this `model` fail the model search instead of a model call.
const SEARCH_FAULT_TARGET = 'models/search';
// workerd's wording when a connection drops before an answer arrives.
const CONNECTION_LOST = 'Network connection lost.';

/** A `reset` fault: the connection drops before the first byte of the answer. */
class ConnectionLost extends Error {}

/** What the faults of one call ask for, after latency and status faults have been applied. */
interface CallBehaviour {
  delayMs: number;
  truncateAfter?: number;
  malformed: boolean;
}

/** Creates an offline, deterministic stand-in for Workers AI: REST API and `env.AI`-shaped binding. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const dailyNeuronLimit = options.dailyNeuronLimit ?? 10000;
  const tokenDelayMs = options.tokenDelayMs ?? 0;
  const now = options.now ?? Date.now;
  const ledger = new NeuronLedger(now);
  const faults = new FaultQueue();
  const calls: SimulatorCall[] = [];
  const searchList: SearchListChanges = { added: [], hidden: new Set() };
  // Prompt caching: the last messages each session affinity sent to each model.
  const prefixes = new Map<string, unknown[]>();

  // The model search fails like the API does under a status fault aimed at `models/search`.
  function search(params: URLSearchParams): unknown {
    const status = faults.take(SEARCH_FAULT_TARGET).find((fault) => fault.kind === 'status');
    if (status) throw errorForCode(status.code ?? 500);
    return searchModels(params, searchList);
  }

  async function execute(
    call: SimulatorCall,
    request: Omit<ModelRequest, 'now'>,
    headerFaults: SimulatorFault[],
    signal?: AbortSignal,
  ): Promise<{ run: ModelRun; behaviour: CallBehaviour }> {
    calls.push(call);
    const applicable = [...headerFaults, ...faults.take(call.model)];
    const latency = applicable
      .filter((fault) => fault.kind === 'latency')
      .reduce((total, fault) => total + (fault.ms ?? 0), 0);
    if (latency > 0) await sleep(latency, signal);
    signal?.throwIfAborted();
    if (applicable.some((fault) => fault.kind === 'reset')) throw new ConnectionLost();
    if (applicable.some((fault) => fault.kind === 'paid-only')) throw new SimulatorError(5035);
    if (applicable.some((fault) => fault.kind === 'removed')) {
      throw new SimulatorError(
        5028,
        `${call.model} was deprecated on 2026-05-30. See the model catalog for alternatives`,
      );
    }
    const busy = applicable.find((fault) => fault.kind === 'busy');
    if (busy) {
      // https://developers.cloudflare.com/workers-ai/features/reject-if-busy/
      if (call.rejectIfBusy === true) throw new SimulatorError(3040);
      await sleep(busy.ms ?? 1500, signal);
    }
    const status = applicable.find((fault) => fault.kind === 'status');
    if (status) throw errorForCode(status.code ?? 500);
    const entry = findModel(call.model);
    // The SD family is beta and free; everything else counts against the daily allocation.
    const priced = entry.family.kind !== 'sd-image';
    if (priced && ledger.used() >= dailyNeuronLimit) throw new SimulatorError(4006);
    const session =
      call.sessionAffinity === undefined ? undefined : `${call.sessionAffinity}\u0000${call.model}`;
    const cachedPrefix = session === undefined ? undefined : prefixes.get(session);
    const run = await runModel(entry, { ...request, now: now(), ...(cachedPrefix ? { cachedPrefix } : {}) });
    if (session !== undefined && Array.isArray(request.inputs.messages))
      prefixes.set(session, request.inputs.messages);
    ledger.add(run.neurons);
    const slow = applicable.find((fault) => fault.kind === 'slow-tokens');
    const truncate = applicable.find((fault) => fault.kind === 'truncate');
    return {
      run,
      behaviour: {
        delayMs: slow ? (slow.ms ?? 50) : tokenDelayMs,
        ...(truncate ? { truncateAfter: truncate.afterEvents ?? 1 } : {}),
        malformed: applicable.some((fault) => fault.kind === 'malformed'),
      },
    };
  }

  async function handleRun(
    request: Request,
    model: string,
    gatewayId: string | undefined,
  ): Promise<Response> {
    const authError = checkAuthorization(request);
    if (authError) return authError;
    try {
      const body = await readRunBody(request, model);
      const call: SimulatorCall = {
        model,
        inputs: body.recorded,
        via: 'rest',
        ...(gatewayId ? { gatewayId } : {}),
        ...(body.rejectIfBusy ? { rejectIfBusy: true } : {}),
        ...affinityOf(request.headers.get('x-session-affinity')),
      };
      const { run, behaviour } = await execute(
        call,
        {
          model,
          inputs: body.inputs,
          ...(body.bytes ? { bytes: body.bytes } : {}),
          ...(body.form ? { form: body.form } : {}),
        },
        parseFaultHeader(request.headers.get('x-sim-fault')),
        request.signal,
      );
      return renderRest(run, behaviour);
    } catch (error) {
      // A dropped connection is no answer at all: the caller's fetch() itself rejects.
      if (error instanceof ConnectionLost) throw new TypeError(CONNECTION_LOST);
      return renderRestError(error);
    }
  }

  async function fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/healthz') return Response.json({ status: 'ok', service: 'workers-ai-sim' });
    if (path === '/__sim/faults' && request.method === 'POST') {
      const body: unknown = await request.json().catch(() => undefined);
      const list = (Array.isArray(body) ? body : [body]).filter(isFault);
      for (const fault of list) faults.add(fault);
      return Response.json({ queued: list.length, pending: faults.size() });
    }
    if (path === '/__sim/reset' && request.method === 'POST') {
      simulator.reset();
      return Response.json({ reset: true });
    }
    if (path === '/__sim/state') {
      return Response.json({
        neurons: ledger.used(),
        dailyNeuronLimit,
        calls: calls.length,
        pendingFaults: faults.size(),
      });
    }
    const searchPath = /^\/client\/v4\/accounts\/[^/]+\/ai\/models\/search\/?$/.test(path);
    if (searchPath && request.method === 'GET') {
      const denied = checkAuthorization(request);
      if (denied) return denied;
      try {
        return Response.json(search(url.searchParams));
      } catch (error) {
        return renderRestError(error);
      }
    }
    const direct = /^\/client\/v4\/accounts\/[^/]+\/ai\/run\/(.+)$/.exec(path);
    const gateway = /^\/v1\/[^/]+\/([^/]+)\/workers-ai\/(.+)$/.exec(path);
    const model = direct?.[1] ?? gateway?.[2];
    if (model !== undefined && request.method === 'POST') {
      return handleRun(request, safeDecode(model), gateway?.[1]);
    }
    return envelopeError(404, 7000, 'No route for that URI');
  }

  const simulator: Simulator = {
    fetch,
    binding: {
      async run(model: string, inputs: Record<string, unknown>, runOptions: SimulatorRunOptions = {}) {
        const gatewayId = runOptions.gateway?.id;
        const call: SimulatorCall = {
          model,
          inputs,
          via: 'binding',
          ...(gatewayId ? { gatewayId } : {}),
          ...(runOptions.rejectIfBusy === true ? { rejectIfBusy: true } : {}),
          ...affinityOf(runOptions.extraHeaders?.['x-session-affinity']),
        };
        try {
          runOptions.signal?.throwIfAborted();
          const { run, behaviour } = await execute(
            call,
            { model, inputs: inputs ?? {} },
            parseFaultHeader(runOptions.extraHeaders?.['x-sim-fault']),
            runOptions.signal,
          );
          if (runOptions.returnRawResponse) return renderRest(run, behaviour);
          return renderBinding(run, behaviour);
        } catch (error) {
          if (runOptions.returnRawResponse && error instanceof SimulatorError) return renderRestError(error);
          if (error instanceof SimulatorError) throw new Error(`${error.code}: ${error.message}`);
          if (error instanceof ConnectionLost) throw new Error(CONNECTION_LOST);
          throw error;
        }
      },
      // workerd's `env.AI.models(params)`: the search's `result` list itself.
      async models(params: Record<string, unknown> = {}) {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(params))
          if (value !== undefined) query.set(key, String(value));
        try {
          return (search(query) as { result: unknown[] }).result;
        } catch (error) {
          if (error instanceof SimulatorError) throw new Error(`${error.code}: ${error.message}`);
          throw error;
        }
      },
    },
    listModel(model: ListedSearchModel) {
      searchList.hidden.delete(model.name);
      searchList.added = [...searchList.added.filter((added) => added.name !== model.name), model];
    },
    unlistModel(name: string) {
      searchList.hidden.add(name);
      searchList.added = searchList.added.filter((added) => added.name !== name);
    },
    injectFault(fault: SimulatorFault) {
      faults.add(fault);
    },
    neuronsUsed: () => ledger.used(),
    calls,
    reset() {
      calls.length = 0;
      faults.clear();
      searchList.added = [];
      searchList.hidden.clear();
      prefixes.clear();
      ledger.reset();
    },
  };
  return simulator;
}

function affinityOf(value: string | null | undefined): { sessionAffinity?: string } {
  return value ? { sessionAffinity: value } : {};
}

function checkAuthorization(request: Request): Response | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match || match[1] === 'sim-bad-token') return envelopeError(401, 10000, 'Authentication error');
  return undefined;
}

async function readRunBody(
  request: Request,
  model: string,
): Promise<{
  inputs: Record<string, unknown>;
  recorded: unknown;
  bytes?: Uint8Array;
  form?: FormData;
  rejectIfBusy?: boolean;
}> {
  const contentType = request.headers.get('content-type') ?? '';
  const kind = modelCatalog.get(model)?.family.kind;
  const declaredLength = Number(request.headers.get('content-length') ?? 0);
  if (declaredLength > maximumBodyBytes) throw new SimulatorError(3006);
  if (kind === 'flux-2') {
    if (!contentType.startsWith('multipart/form-data')) {
      throw new SimulatorError(5006, 'Bad input: this model takes a multipart/form-data body');
    }
    const form = await request.formData().catch(() => {
      throw new SimulatorError(5006, 'Bad input: multipart body could not be parsed');
    });
    const recorded = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
    return { inputs: {}, recorded, form };
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > maximumBodyBytes) throw new SimulatorError(3006);
  // whisper, whisper-tiny-en and nova-3 take the audio file itself as the REST body.
  if (kind !== undefined && rawAudioModels.has(kind) && !contentType.includes('json')) {
    return { inputs: {}, recorded: { audio: bytes }, bytes };
  }
  let parsed: unknown;
  try {
    parsed = bytes.length === 0 ? {} : JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new SimulatorError(5006, 'Bad input: request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SimulatorError(
      5006,
      `Type mismatch of '/', '${Array.isArray(parsed) ? 'array' : typeof parsed}' not in 'object'`,
    );
  }
  // The REST body's `options` are the call's, not the model's input (the binding's third argument).
  const { options, ...inputs } = parsed as Record<string, unknown>;
  const rejectIfBusy =
    typeof options === 'object' &&
    options !== null &&
    (options as Record<string, unknown>).rejectIfBusy === true;
  return { inputs, recorded: inputs, ...(rejectIfBusy ? { rejectIfBusy } : {}) };
}

function renderRest(run: ModelRun, behaviour: CallBehaviour): Response {
  const output = run.output;
  if (output.kind === 'events') {
    const body = createEventStream(output.events, { ...behaviour, errorOnTruncate: false });
    return new Response(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
    });
  }
  if (output.kind === 'binary') {
    const bytes =
      behaviour.truncateAfter !== undefined ? output.bytes.slice(0, output.bytes.length >> 1) : output.bytes;
    return new Response(bytes, { headers: { 'content-type': output.contentType } });
  }
  const text = JSON.stringify({ result: output.result, success: true, errors: [], messages: [] });
  // A malformed or cut-off body is half of the real one: it never parses.
  const cut = behaviour.malformed || behaviour.truncateAfter !== undefined;
  return new Response(cut ? text.slice(0, text.length >> 1) : text, {
    headers: { 'content-type': 'application/json' },
  });
}

function renderBinding(run: ModelRun, behaviour: CallBehaviour): unknown {
  const output = run.output;
  if (output.kind === 'events')
    return createEventStream(output.events, { ...behaviour, errorOnTruncate: true });
  if (output.kind === 'binary') {
    if (behaviour.truncateAfter !== undefined) {
      const half = output.bytes.slice(0, output.bytes.length >> 1);
      return createByteStreamThatFails(half);
    }
    return new Response(output.bytes).body;
  }
  // The binding parses the upstream JSON itself: a malformed body surfaces as its SyntaxError.
  if (behaviour.malformed) throw new SyntaxError('Unexpected end of JSON input');
  if (behaviour.truncateAfter !== undefined) throw new Error('Network connection lost.');
  return output.result;
}

function createByteStreamThatFails(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        controller.error(new Error('Network connection lost.'));
        return;
      }
      sent = true;
      controller.enqueue(bytes);
    },
  });
}

function renderRestError(error: unknown): Response {
  if (error instanceof SimulatorError) {
    if (error.code === 429)
      return new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '1' } });
    return envelopeError(error.status, error.code, error.restMessage);
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return envelopeError(408, 3008, 'AiError: Request aborted');
  }
  return envelopeError(500, 3043, 'AiError: Unknown internal error');
}

function envelopeError(status: number, code: number, message: string): Response {
  return Response.json(
    { result: null, success: false, errors: [{ code, message }], messages: [] },
    { status },
  );
}

function errorForCode(code: number): SimulatorError {
  // 500 stands for Workers AI's catch-all internal error.
  return code === 500 ? new SimulatorError(3043, 'Unknown internal error') : new SimulatorError(code);
}

function isFault(value: unknown): value is SimulatorFault {
  const kinds = [
    'latency',
    'slow-tokens',
    'status',
    'truncate',
    'malformed',
    'reset',
    'busy',
    'paid-only',
    'removed',
  ];
  return (
    typeof value === 'object' && value !== null && kinds.includes(String((value as { kind?: unknown }).kind))
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
