// Bytes per String.fromCharCode call: large enough to be fast, small enough for the argument limit.
const SLICE = 0x8000;

/**
 * Encodes bytes as standard base64 (OpenAI's `b64_json`). Workers have `btoa` but no Buffer, and
 * `btoa` takes a binary string, built here in slices so a multi-megabyte image never overflows
 * the call stack.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + SLICE));
  }
  return btoa(binary);
}
