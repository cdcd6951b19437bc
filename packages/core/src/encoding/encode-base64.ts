// Bytes per String.fromCharCode call: large enough to be fast, small enough for the argument limit.
const SLICE = 0x8000;

// workerd has the TC39 `Uint8Array.prototype.toBase64` (V8 13.x): native, one pass, no binary
// string. Checked once; the portable path below serves any runtime without it.
const nativeToBase64 = (Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string }).toBase64;

/**
 * Encodes bytes as standard base64 (OpenAI's `b64_json`, whisper-large-v3-turbo's `audio`, the
 * embeddings' `base64`), with the runtime's native encoder where it has one: a 30 s WAV (960 KB)
 * costs a fraction of the binary-string path's CPU.
 */
export function encodeBase64(bytes: Uint8Array): string {
  return nativeToBase64 === undefined ? encodeBase64Portable(bytes) : nativeToBase64.call(bytes);
}

/**
 * The same encoding without `toBase64`: `btoa` over a binary string built in slices, so a
 * multi-megabyte image never overflows the call stack.
 */
export function encodeBase64Portable(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += SLICE) {
    binary += String.fromCharCode.apply(null, bytes.subarray(offset, offset + SLICE) as unknown as number[]);
  }
  return btoa(binary);
}
