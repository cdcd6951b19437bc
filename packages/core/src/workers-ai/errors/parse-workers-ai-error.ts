/** What a Workers AI failure says, once unwrapped from its envelope or thrown error. */
export interface WorkersAiErrorDetails {
  /** Cloudflare's numeric error code (e.g. 5007, 4006), when one could be found. */
  code?: number;
  /** Cloudflare's error text, e.g. `AiError: No such model @cf/x/y or task`. */
  message: string;
}

/** Where the failure came from: a non-2xx REST response body, or an error the binding threw. */
export type WorkersAiErrorSource = { source: 'rest'; body: string } | { source: 'binding'; error: unknown };

// Upstream text is shown to clients; a bound keeps a runaway body (an HTML error page) out.
const MAX_MESSAGE_LENGTH = 1000;

/**
 * Extracts `{ code, message }` from a Workers AI failure, tolerating every shape seen:
 * - REST envelopes `{"success":false,"errors":[{"code":5007,"message":"AiError: ..."}]}`,
 *   odd envelopes (string codes, `error` objects) and bodies that are not JSON at all;
 * - binding errors: workerd throws `InferenceUpstreamError("<code>: <description>")`
 *   (https://github.com/cloudflare/workerd/blob/main/src/cloudflare/internal/ai-api.ts), older
 *   bindings throw `Error("4006: you have used up ...")`, some errors carry the JSON envelope
 *   as their message, and anything else is reduced to its message.
 * Never throws.
 */
export function parseWorkersAiError(input: WorkersAiErrorSource): WorkersAiErrorDetails {
  if (input.source === 'rest') return parseText(input.body);
  const { error } = input;
  if (typeof error === 'string') return parseText(error);
  if (typeof error !== 'object' || error === null)
    return { message: 'Workers AI failed without an error message' };
  const record = error as Record<string, unknown>;
  const fromText = parseText(typeof record.message === 'string' ? record.message : '');
  if (fromText.code !== undefined) return fromText;
  const code = toCode(record.code) ?? toCode(record.internalCode);
  const description = typeof record.description === 'string' ? record.description : undefined;
  const message = fromText.message || (description === undefined ? '' : clean(description));
  return withCode(code, message || 'Workers AI failed without an error message');
}

function parseText(text: string): WorkersAiErrorDetails {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const fromJson = parseJson(trimmed);
    if (fromJson !== undefined) return fromJson;
  }
  const match = /^(?:(?:AiError|InferenceUpstreamError|Error):\s*)?(\d{3,5}):\s*([\s\S]*)$/.exec(trimmed);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    return withCode(Number(match[1]), clean(match[2]) || trimmed);
  }
  if (trimmed.startsWith('<')) return { message: 'Workers AI answered with a non-JSON error page' };
  return { message: clean(trimmed) || 'Workers AI failed without an error message' };
}

function parseJson(text: string): WorkersAiErrorDetails | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const first = Array.isArray(record.errors) ? (record.errors[0] as unknown) : undefined;
  if (typeof first === 'object' && first !== null) {
    const entry = first as Record<string, unknown>;
    const message = typeof entry.message === 'string' ? entry.message : '';
    // The message may itself be "<code>: <text>" when the envelope's code is missing.
    const inner = parseText(message);
    return withCode(toCode(entry.code) ?? inner.code, inner.message);
  }
  if (typeof first === 'string') return parseText(first);
  // workerd's internal error shape: {internalCode, name, description}.
  if ('internalCode' in record || 'description' in record) {
    const description = typeof record.description === 'string' ? record.description : '';
    return withCode(toCode(record.internalCode), clean(description) || 'Workers AI failed');
  }
  if (typeof record.error === 'object' && record.error !== null) {
    const inner = record.error as Record<string, unknown>;
    const message = typeof inner.message === 'string' ? inner.message : '';
    return withCode(toCode(inner.code), clean(message) || 'Workers AI failed');
  }
  if (typeof record.message === 'string') return withCode(toCode(record.code), clean(record.message));
  if (typeof record.error === 'string') return withCode(toCode(record.code), clean(record.error));
  return undefined;
}

function toCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{3,5}$/.test(value)) return Number(value);
  return undefined;
}

function clean(message: string): string {
  const text = message.trim();
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

function withCode(code: number | undefined, message: string): WorkersAiErrorDetails {
  return code === undefined ? { message } : { code, message };
}
