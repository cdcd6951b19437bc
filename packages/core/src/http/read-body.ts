import { concatBytes } from '../encoding/concat-bytes';
import { GatewayError, invalidRequest } from '../errors/gateway-error';

/** Body limits of SPEC §6, in bytes. */
export const BODY_LIMITS = {
  json: 1024 * 1024,
  // What a 128 MB isolate holds with room to spare, measured (README, "Limits"): the upload is
  // parsed by workerd and sent on as it is (issue 11 #7).
  audio: 25 * 1024 * 1024,
  // whisper-large-v3-turbo takes base64 in JSON: over the binding that is a string 4/3 the
  // file's size and the binding's JSON copy of it (~11× the file at the peak, measured).
  audioBase64: 8 * 1024 * 1024,
  image: 10 * 1024 * 1024,
  // DeepL's own limit for a translate request; every translate route (DeepL, DeepLX, Immersive) uses it.
  deepl: 128 * 1024,
} as const;

function tooLarge(limit: number, param?: string): GatewayError {
  const what = param === undefined ? 'The request body' : `The request body (with its '${param}')`;
  return new GatewayError(413, 'request_too_large', `${what} is larger than ${limit} bytes.`, {
    ...(param === undefined ? {} : { param }),
  });
}

/**
 * Reads a request body into memory, refusing with 413 as soon as it is known to exceed `limit`:
 * from `Content-Length` before reading anything, otherwise while streaming, so an oversized
 * upload is never buffered whole.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/**
 * Reads a JSON object body within `limit` bytes. Malformed JSON, a non-object body or invalid
 * UTF-8 is a 400, never an exception that escapes as a 500.
 */
export async function readJsonBody(
  request: Request,
  limit: number = BODY_LIMITS.json,
): Promise<Record<string, unknown>> {
  const bytes = await readBodyBytes(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw invalidRequest(
      'We could not parse the JSON body of your request. The body must be a valid JSON object (UTF-8).',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/**
 * Reads a `multipart/form-data` or `application/x-www-form-urlencoded` body within `limit`
 * bytes; a body that does not parse is a 400. The body goes to workerd's own form parser, never
 * gathered in the isolate's heap first, and files come out as `File`s that can be sent on as
 * they are. Past `limit` the answer is a 413 that names `param` (the upload's field, e.g.
 * `file`): from `Content-Length` before anything is read (HTTP framing holds the body to it),
 * or, for a chunked body, as soon as the counted stream passes the limit.
 */
export async function readFormBody(request: Request, limit: number, param?: string): Promise<FormData> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    throw invalidRequest('The request must be multipart/form-data.');
  }
  const lengthHeader = request.headers.get('content-length');
  const declared = lengthHeader === null ? Number.NaN : Number(lengthHeader);
  if (declared > limit) throw tooLarge(limit, param);
  let exceeded = false;
  // workerd parses a body it reads itself with one copy; a JS stage in front of it (needed only
  // when no length was declared) costs about one more, measured (README, "Limits").
  const body = Number.isFinite(declared) ? request : countedBody(request, limit, () => (exceeded = true));
  try {
    return await body.formData();
  } catch {
    if (exceeded) throw tooLarge(limit, param);
    throw invalidRequest('The multipart/form-data body could not be parsed.');
  }
}

function countedBody(request: Request, limit: number, onExceeded: () => void): Response {
  let size = 0;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) {
          onExceeded();
          controller.error(new Error('body over the limit'));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted ?? null, {
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  });
}
