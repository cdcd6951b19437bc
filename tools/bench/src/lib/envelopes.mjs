// The error envelopes of SPEC §6 and the checks every error body must pass.

/** OpenAI: `{error: {message, type, param?, code?}}`. */
export function isOpenAiError(json) {
  return (
    isObject(json) &&
    isObject(json.error) &&
    typeof json.error.message === 'string' &&
    json.error.message.length > 0 &&
    typeof json.error.type === 'string'
  );
}

/** DeepLX: `{code, message}` with `code` equal to the HTTP status. */
export function isDeeplxError(json, status) {
  return (
    isObject(json) && json.code === status && typeof json.message === 'string' && json.message.length > 0
  );
}

/** DeepL API v2: `{message}` (and optionally `detail`). */
export function isDeeplError(json) {
  return isObject(json) && typeof json.message === 'string' && json.message.length > 0;
}

/**
 * Which envelope a gateway's route answers errors in: OpenAI everywhere on chat and image; on
 * translate, DeepL under /v2/, OpenAI on /v1/models and /v1/usage, DeepLX elsewhere (/translate,
 * /v1/translate, /imme and unknown paths, as DeepLX itself answers).
 */
export function envelopeFor(gateway, path) {
  if (gateway !== 'translate') return 'openai';
  // The Worker sees the path as URL parsing leaves it (`/v2/../x` is `/x`).
  let pathname;
  try {
    pathname = new URL(path, 'http://gateway.test').pathname;
  } catch {
    pathname = path.split('?')[0] ?? '';
  }
  if (pathname.startsWith('/v2/')) return 'deepl';
  if (pathname === '/v1/models' || pathname === '/v1/usage') return 'openai';
  return 'deeplx';
}

/**
 * Problems with an error response (status >= 400) of `gateway` at `path`, as a list of strings:
 * wrong envelope, leaked stack trace, leaked secret. An empty list means the error is fine.
 */
export function errorProblems(gateway, path, response, secrets) {
  const problems = [...leakProblems(response, secrets)];
  let json;
  try {
    json = JSON.parse(response.text);
  } catch {
    problems.push(`error body is not JSON: ${JSON.stringify(response.text.slice(0, 200))}`);
    return problems;
  }
  const envelope = envelopeFor(gateway, path);
  const ok =
    envelope === 'openai'
      ? isOpenAiError(json)
      : envelope === 'deeplx'
        ? isDeeplxError(json, response.status)
        : isDeeplError(json);
  if (!ok) problems.push(`not the ${envelope} envelope: ${response.text.slice(0, 200)}`);
  return problems;
}

/** A stack trace or one of the secrets in a response body or header. */
export function leakProblems(response, secrets) {
  const problems = [];
  const text = `${JSON.stringify(response.headers ?? {})}\n${response.text ?? ''}`;
  for (const secret of secrets) {
    if (secret && text.includes(secret)) problems.push('a secret (the Cloudflare API token) leaked');
  }
  if (/\bat [\w$.<>]+ \(.*:\d+:\d+\)|\n\s+at .*:\d+:\d+/.test(text)) problems.push('a stack trace leaked');
  return problems;
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
