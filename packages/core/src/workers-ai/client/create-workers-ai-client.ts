import { DEFAULT_API_BASE } from '../../config/parse-config';
import { GatewayError } from '../../errors/gateway-error';
import { mapWorkersAiError, type WorkersAiMode } from '../errors/map-workers-ai-error';
import { parseWorkersAiError, type WorkersAiErrorSource } from '../errors/parse-workers-ai-error';
import {
  createBase64JsonBody,
  isBase64FieldInputs,
  readBase64FieldInputs,
  type WorkersAiBase64FieldInputs,
} from './base64-field-inputs';
import { parseJsonKeepingVectors } from './parse-json-keeping-vectors';
import { peekReadableStream } from './peek-readable-stream';
import { sniffContentType } from './sniff-content-type';

/** The shape of `env.AI` this client needs. */
export interface WorkersAiBinding {
  run(model: string, inputs: unknown, options?: Record<string, unknown>): Promise<unknown>;
}

/** How to reach Workers AI (SPEC §3: `UPSTREAM_MODE`, `CF_ACCOUNT_ID`, `CF_API_TOKEN`, `CF_API_BASE`, `AI_GATEWAY_ID`). */
export interface WorkersAiClientOptions {
  mode: WorkersAiMode;
  /** `env.AI`, for `binding` mode. */
  binding?: WorkersAiBinding;
  /** `CF_ACCOUNT_ID`, for `rest` and `passthrough` modes. */
  accountId?: string;
  /** `CF_API_TOKEN`, for `rest` mode. */
  apiToken?: string;
  /** `CF_API_BASE`; defaults to `https://api.cloudflare.com/client/v4`. */
  apiBase?: string;
  /** `AI_GATEWAY_ID`: route every call through that Cloudflare AI Gateway. */
  gatewayId?: string;
  /** The fetch to use; defaults to `globalThis.fetch`, looked up on each call so tests can stub it. */
  fetch?: typeof fetch;
}

export type { WorkersAiBase64FieldInputs } from './base64-field-inputs';

/**
 * Raw bytes as the model's whole input: audio for whisper / whisper-tiny-en / nova-3. A `Blob`
 * (an uploaded file) is sent as it is, never copied into the isolate's heap: the REST body, or
 * the binding's `{audio: {body: ReadableStream, contentType}}`, which workerd's binding sends as
 * the raw request body as well.
 */
export interface WorkersAiBytesInputs {
  kind: 'bytes';
  body: ArrayBuffer | Uint8Array | Blob;
  contentType: string;
}

/** A multipart form as the model's input: flux-2-* image models. */
export interface WorkersAiMultipartInputs {
  kind: 'multipart';
  form: FormData;
}

/** A model's inputs: a JSON object, raw bytes, a multipart form, or JSON with one base64 field. */
export type WorkersAiInputs =
  | Record<string, unknown>
  | WorkersAiBytesInputs
  | WorkersAiMultipartInputs
  | WorkersAiBase64FieldInputs;

/** Per-call options. */
export interface WorkersAiRunOptions {
  /** Ask for an SSE stream (`stream: true` is added to JSON inputs). */
  stream?: boolean;
  /** Aborting it cancels the upstream call; the abort reason is rethrown as is (not a GatewayError). */
  signal?: AbortSignal;
  /**
   * Retries, at most one per call. `true` (the default): one quick retry on capacity, rate-limit
   * and 5xx failures of non-streamed calls, and on a connection that failed before any byte
   * (streamed calls too: nothing has reached the client). `'connection'`: only the latter, for
   * callers that move to another model on the rest. `false`: none.
   */
  retry?: boolean | 'connection';
  /**
   * Fail at once with 3040 when the model has no capacity, instead of waiting in Workers AI's
   * capacity queue: for callers with another model to try. Binding: the third argument's
   * `rejectIfBusy`; REST: the body's `options.rejectIfBusy`, JSON inputs only
   * (https://developers.cloudflare.com/workers-ai/features/reject-if-busy/).
   */
  rejectIfBusy?: boolean;
  /**
   * JSON answers: long arrays of numbers come back as `JsonVectorText` (their JSON text, as
   * `JSON.stringify` would print it) instead of parsed, for a caller that only forwards them
   * (embeddings). Applies to answers read as text (REST); the binding hands over parsed objects.
   */
  keepVectorsAsText?: boolean;
  /**
   * Sent as `x-session-affinity` (REST header, binding `extraHeaders`): calls with the same value
   * go to the instance holding their prompt prefix
   * (https://developers.cloudflare.com/workers-ai/features/prompt-caching/).
   */
  sessionAffinity?: string;
  /** `passthrough` mode: the caller's Cloudflare API token. */
  token?: string;
}

/**
 * What a call produced, the same whatever the transport:
 * - `json`: the model's result (the REST envelope's `result`, unwrapped), with the neurons the
 *   upstream reported when it did;
 * - `stream`: the upstream's raw SSE bytes;
 * - `binary`: image or audio bytes and their media type.
 */
export type WorkersAiResult =
  | { kind: 'json'; data: unknown; neurons?: number }
  | { kind: 'stream'; body: ReadableStream<Uint8Array> }
  | { kind: 'binary'; body: ReadableStream<Uint8Array>; contentType: string };

/** A Workers AI client bound to one configuration. */
export interface WorkersAiClient {
  /** Runs `model` on `inputs`; every failure is thrown as a `GatewayError` (or the abort reason). */
  run(model: string, inputs: WorkersAiInputs, options?: WorkersAiRunOptions): Promise<WorkersAiResult>;
}

const AI_GATEWAY_ORIGIN = 'https://gateway.ai.cloudflare.com';
const RETRY_DELAY_MS = 200;
const RETRY_JITTER_MS = 50;
// A dropped connection says nothing about the model's load: a fresh connection at once is the fix.
const CONNECTION_RETRY_DELAY_MS = 20;
// How workerd (and Node's undici) report a connection that failed or dropped before an answer.
const CONNECTION_LOST_PATTERN =
  /network connection lost|connection (?:was )?(?:reset|refused|closed)|econnreset|econnrefused|socket hang up|fetch failed/i;
// Model IDs reach the URL path unencoded (Cloudflare expects `@cf/meta/...` literally), so only
// plain segments are allowed: a `..` segment would otherwise walk to another API endpoint
// carrying the gateway's token.
const MODEL_ID_PATTERN = /^[A-Za-z0-9@_:+-][A-Za-z0-9@._:+-]*(?:\/[A-Za-z0-9@_:+-][A-Za-z0-9@._:+-]*)*$/;

type Attempt =
  | { ok: true; result: WorkersAiResult }
  | { ok: false; error: GatewayError; retryDelayMs?: number; connectionLost?: boolean };

/**
 * Creates the one Workers AI client all gateways share (SPEC §5). It speaks to the binding or
 * to the REST API (with the gateway's token, or the caller's in `passthrough` mode), optionally
 * through an AI Gateway, and gives callers one result shape and one error table either way.
 * Configuration is checked per call, so a bad setup answers each request with a 503 that names
 * the setting instead of failing at startup.
 */
export function createWorkersAiClient(options: WorkersAiClientOptions): WorkersAiClient {
  return {
    async run(model, inputs, runOptions = {}) {
      const attempt = () =>
        options.mode === 'binding'
          ? runWithBinding(options, model, inputs, runOptions)
          : runWithRest(options, model, inputs, runOptions);
      const first = await attempt();
      if (first.ok) return first.result;
      const delay = retryDelay(first, runOptions);
      if (delay === undefined) throw first.error;
      await sleep(delay, runOptions.signal);
      const second = await attempt();
      if (second.ok) return second.result;
      throw second.error;
    },
  };
}

/**
 * A connection that failed before any byte is retried whatever the call (the same request, sent
 * again, is all there is to do). Other failures are retried only for non-streamed calls: a
 * stream's failure may come after bytes are on their way to the client.
 */
function retryDelay(attempt: Attempt & { ok: false }, options: WorkersAiRunOptions): number | undefined {
  if (options.retry === false) return undefined;
  if (attempt.connectionLost === true) return attempt.retryDelayMs;
  return options.retry !== 'connection' && options.stream !== true ? attempt.retryDelayMs : undefined;
}

async function runWithBinding(
  options: WorkersAiClientOptions,
  model: string,
  inputs: WorkersAiInputs,
  runOptions: WorkersAiRunOptions,
): Promise<Attempt> {
  const { binding } = options;
  if (binding === undefined) throw configurationError('the AI binding is missing (UPSTREAM_MODE=binding)');
  const { signal } = runOptions;
  signal?.throwIfAborted();
  const bindingOptions: Record<string, unknown> = {};
  if (options.gatewayId !== undefined && options.gatewayId !== '')
    bindingOptions.gateway = { id: options.gatewayId };
  if (signal !== undefined) bindingOptions.signal = signal;
  if (runOptions.rejectIfBusy === true) bindingOptions.rejectIfBusy = true;
  if (runOptions.sessionAffinity !== undefined) {
    bindingOptions.extraHeaders = { 'x-session-affinity': runOptions.sessionAffinity };
  }
  const body = await toBindingInputs(inputs, runOptions.stream === true);
  let output: unknown;
  try {
    output = await abortable(binding.run(model, body, bindingOptions), signal);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const details = parseWorkersAiError({ source: 'binding', error });
    if (details.code === undefined && CONNECTION_LOST_PATTERN.test(details.message)) {
      return connectionLost(error);
    }
    return failure({ source: 'binding', error }, { mode: 'binding', model });
  }
  try {
    return {
      ok: true,
      result: await fromBindingOutput(output, runOptions, options.mode, model),
    };
  } catch (error) {
    // The binding's stream broke off before its first chunk: nothing has reached the client.
    if (error instanceof GatewayError) throw error;
    if (signal?.aborted) throw signal.reason;
    return connectionLost(error);
  }
}

async function toBindingInputs(inputs: WorkersAiInputs, stream: boolean): Promise<unknown> {
  if (isBytesInputs(inputs)) {
    // workerd's binding sends an input `{body: ReadableStream, contentType}` as the raw request
    // body (src/cloudflare/internal/ai-api.ts, `findReadableStreamKeys`): what REST takes for
    // whisper, whisper-tiny-en and nova-3 (https://developers.cloudflare.com/workers-ai/models/nova-3/).
    // The documented `{audio: number[]}` alternative costs ~8 bytes a byte, then its JSON text.
    const body = inputs.body instanceof Blob ? inputs.body.stream() : new Response(inputs.body).body;
    return { audio: { body, contentType: inputs.contentType } };
  }
  if (isBase64FieldInputs(inputs)) {
    const fields = await readBase64FieldInputs(inputs);
    return stream ? { ...fields, stream: true } : fields;
  }
  if (isMultipartInputs(inputs)) {
    // https://developers.cloudflare.com/workers-ai/models/flux-2-dev/: the binding takes the
    // serialised form and its boundary-bearing content type.
    const serialised = new Response(inputs.form);
    return {
      multipart: {
        body: serialised.body,
        contentType: serialised.headers.get('content-type') ?? 'multipart/form-data',
      },
    };
  }
  return stream ? { ...inputs, stream: true } : inputs;
}

async function fromBindingOutput(
  output: unknown,
  runOptions: WorkersAiRunOptions,
  mode: WorkersAiMode,
  model: string,
): Promise<WorkersAiResult> {
  const stream = runOptions.stream === true;
  if (output instanceof Response) return fromResponse(output, runOptions, mode, model, undefined);
  if (output instanceof ReadableStream) {
    const peeked = await peekReadableStream(output as ReadableStream<Uint8Array>);
    if (stream) {
      // Quirk: some models answer `stream: true` with one JSON body, which the binding hands
      // back as a stream all the same (workerd returns `res.body` for every streamed call).
      if (peeked.first !== undefined && firstNonSpaceByte(peeked.first) === 0x7b) {
        const text = await new Response(peeked.stream).text();
        return jsonResult(parseJsonBody(text, model));
      }
      return { kind: 'stream', body: peeked.stream };
    }
    const contentType = (peeked.first && sniffContentType(peeked.first)) ?? 'application/octet-stream';
    return { kind: 'binary', body: peeked.stream, contentType };
  }
  if (output instanceof Uint8Array || output instanceof ArrayBuffer) {
    const bytes = output instanceof Uint8Array ? output : new Uint8Array(output);
    const body = new Response(bytes).body ?? emptyStream();
    return { kind: 'binary', body, contentType: sniffContentType(bytes) ?? 'application/octet-stream' };
  }
  return jsonResult(output);
}

async function runWithRest(
  options: WorkersAiClientOptions,
  model: string,
  inputs: WorkersAiInputs,
  runOptions: WorkersAiRunOptions,
): Promise<Attempt> {
  const { mode } = options;
  const accountId = options.accountId ?? '';
  if (accountId === '') throw configurationError(`CF_ACCOUNT_ID is not set (UPSTREAM_MODE=${mode})`);
  const token = mode === 'passthrough' ? (runOptions.token ?? '') : (options.apiToken ?? '');
  if (token === '') {
    if (mode === 'passthrough') {
      throw new GatewayError(401, 'invalid_api_key', 'Send your Cloudflare API token as the bearer token.');
    }
    throw configurationError('CF_API_TOKEN is not set (UPSTREAM_MODE=rest)');
  }
  const { signal } = runOptions;
  signal?.throwIfAborted();
  const stream = runOptions.stream === true;
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (runOptions.sessionAffinity !== undefined) headers.set('x-session-affinity', runOptions.sessionAffinity);
  let body: BodyInit;
  if (isBytesInputs(inputs)) {
    headers.set('content-type', inputs.contentType);
    body = inputs.body;
  } else if (isMultipartInputs(inputs)) {
    // fetch writes the multipart content type with its boundary.
    body = inputs.form;
  } else if (isBase64FieldInputs(inputs)) {
    headers.set('content-type', 'application/json');
    body = await createBase64JsonBody(inputs, {
      ...(stream ? { stream: true } : {}),
      ...(runOptions.rejectIfBusy === true ? { options: { rejectIfBusy: true } } : {}),
    });
  } else {
    headers.set('content-type', 'application/json');
    body = JSON.stringify({
      ...inputs,
      ...(stream ? { stream: true } : {}),
      ...(runOptions.rejectIfBusy === true ? { options: { rejectIfBusy: true } } : {}),
    });
  }
  const url = restUrl(options, accountId, model);
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImplementation(url, {
      method: 'POST',
      headers,
      body,
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return connectionLost(redactError(error, token));
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return failure(
      { source: 'rest', body: redact(text, token) },
      { mode, model, httpStatus: response.status, ...(retryAfter === undefined ? {} : { retryAfter }) },
    );
  }
  try {
    return { ok: true, result: await fromResponse(response, runOptions, mode, model, token) };
  } catch (error) {
    // The answer's headers came but its body broke off before the gateway read any of it: as
    // good as a connection that never answered, since nothing reached the client either.
    if (error instanceof GatewayError) throw error;
    if (signal?.aborted) throw signal.reason;
    return connectionLost(redactError(error, token));
  }
}

async function fromResponse(
  response: Response,
  runOptions: WorkersAiRunOptions,
  mode: WorkersAiMode,
  model: string,
  token: string | undefined,
): Promise<WorkersAiResult> {
  const stream = runOptions.stream === true;
  const contentType = response.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'text/event-stream') return { kind: 'stream', body: response.body ?? emptyStream() };
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    // Also the `stream: true` answered with plain JSON quirk: callers get `json` either way.
    const envelope = parseJsonBody(await response.text(), model, runOptions.keepVectorsAsText === true);
    if (isRecord(envelope) && envelope.success === false) {
      throw mapWorkersAiError({
        ...parseWorkersAiError({ source: 'rest', body: redact(JSON.stringify(envelope), token) }),
        httpStatus: response.status,
        mode,
        model,
      });
    }
    const data =
      isRecord(envelope) && 'result' in envelope && 'success' in envelope ? envelope.result : envelope;
    return jsonResult(data);
  }
  if (stream && mediaType === '') return { kind: 'stream', body: response.body ?? emptyStream() };
  const peeked = await peekReadableStream(response.body ?? emptyStream());
  const sniffed = peeked.first === undefined ? undefined : sniffContentType(peeked.first);
  const declared = mediaType === '' || mediaType === 'application/octet-stream' ? undefined : contentType;
  return {
    kind: 'binary',
    body: peeked.stream,
    contentType: declared ?? sniffed ?? 'application/octet-stream',
  };
}

/**
 * `{apiBase}/accounts/{id}/ai/run/{model}`, or with a gateway id the AI Gateway's Workers AI
 * route (https://developers.cloudflare.com/ai-gateway/providers/workersai/). The gateway's
 * origin follows `apiBase` when that is not Cloudflare's, so dev and tests can use the simulator.
 */
function restUrl(options: WorkersAiClientOptions, accountId: string, model: string): string {
  if (
    !MODEL_ID_PATTERN.test(model) ||
    model.split('/').some((segment) => segment === '.' || segment === '..')
  ) {
    throw new GatewayError(404, 'model_not_found', `The model '${model}' does not exist on Workers AI.`, {
      param: 'model',
    });
  }
  const apiBase = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  const account = encodeURIComponent(accountId);
  if (options.gatewayId !== undefined && options.gatewayId !== '') {
    const origin = apiBase === DEFAULT_API_BASE ? AI_GATEWAY_ORIGIN : new URL(apiBase).origin;
    return `${origin}/v1/${account}/${encodeURIComponent(options.gatewayId)}/workers-ai/${model}`;
  }
  return `${apiBase}/accounts/${account}/ai/run/${model}`;
}

/** A connection that failed before any byte of an answer: retried once, quickly, on a new one. */
function connectionLost(cause: unknown): Attempt {
  const error = new GatewayError(502, 'upstream_unreachable', 'Could not reach Workers AI.', { cause });
  const jitter = Math.random() * CONNECTION_RETRY_DELAY_MS;
  return { ok: false, error, retryDelayMs: CONNECTION_RETRY_DELAY_MS + jitter, connectionLost: true };
}

function failure(
  source: WorkersAiErrorSource,
  context: { mode: WorkersAiMode; model: string; httpStatus?: number; retryAfter?: number },
): Attempt {
  const details = parseWorkersAiError(source);
  const error = mapWorkersAiError({ ...details, ...context });
  if (!isRetryable(error, context.httpStatus)) return { ok: false, error };
  const jitter = (Math.random() * 2 - 1) * RETRY_JITTER_MS;
  const delay = RETRY_DELAY_MS + jitter;
  const upstreamDelay = context.retryAfter === undefined ? undefined : context.retryAfter * 1000;
  return { ok: false, error, retryDelayMs: Math.max(0, Math.min(delay, upstreamDelay ?? delay)) };
}

// Capacity (3040), a plain rate limit and server-side failures may pass on a second try; the
// exhausted daily allocation (3036/4006), client errors and vLLM's own errors (8007) will not.
function isRetryable(error: GatewayError, httpStatus: number | undefined): boolean {
  if (error.code === 'upstream_overloaded' || error.code === 'rate_limit_exceeded') return true;
  if (error.code !== 'upstream_error' || error.upstreamCode === 8007) return false;
  return httpStatus === undefined || httpStatus >= 500;
}

function jsonResult(data: unknown): WorkersAiResult {
  const neurons = isRecord(data) && isRecord(data.usage) ? data.usage.neurons : undefined;
  return typeof neurons === 'number' ? { kind: 'json', data, neurons } : { kind: 'json', data };
}

function parseJsonBody(text: string, model: string, keepVectorsAsText = false): unknown {
  try {
    return keepVectorsAsText ? parseJsonKeepingVectors(text) : JSON.parse(text);
  } catch (error) {
    throw new GatewayError(502, 'upstream_error', `Workers AI answered '${model}' with invalid JSON.`, {
      cause: error,
    });
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function configurationError(setting: string): GatewayError {
  return new GatewayError(503, 'configuration_error', `The gateway is not configured: ${setting}.`);
}

function redact(text: string, token: string | undefined): string {
  return token === undefined || token === '' ? text : text.split(token).join('[redacted]');
}

function redactError(error: unknown, token: string): unknown {
  if (error instanceof Error && error.message.includes(token)) return new Error(redact(error.message, token));
  return error;
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// Bindings may ignore `signal`; racing it lets a disconnected client stop waiting at once.
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function firstNonSpaceByte(bytes: Uint8Array): number | undefined {
  return bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.close();
    },
  });
}

function isBytesInputs(inputs: WorkersAiInputs): inputs is WorkersAiBytesInputs {
  return (
    inputs.kind === 'bytes' &&
    (inputs.body instanceof ArrayBuffer || inputs.body instanceof Uint8Array || inputs.body instanceof Blob)
  );
}

function isMultipartInputs(inputs: WorkersAiInputs): inputs is WorkersAiMultipartInputs {
  return inputs.kind === 'multipart' && inputs.form instanceof FormData;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
