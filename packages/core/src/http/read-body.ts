import { concatBytes } from '../encoding/concat-bytes';
import { GatewayError, invalidRequest } from '../errors/gateway-error';

/** Body limits of SPEC §6, in bytes. */
export const BODY_LIMITS = {
  json: 1024 * 1024,
  audio: 25 * 1024 * 1024,
  image: 10 * 1024 * 1024,
  // DeepL's own limit for a translate request; every translate route (DeepL, DeepLX, Immersive) uses it.
  deepl: 128 * 1024,
} as const;

function tooLarge(limit: number): GatewayError {
  return new GatewayError(413, 'request_too_large', `The request body is larger than ${limit} bytes.`);
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
 * bytes; a body that does not parse is a 400.
 */
export async function readFormBody(request: Request, limit: number): Promise<FormData> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    throw invalidRequest('The request must be multipart/form-data.');
  }
  const bytes = await readBodyBytes(request, limit);
  try {
    return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalidRequest('The multipart/form-data body could not be parsed.');
  }
}
