import { encodeBase64 } from './encode-base64';

/**
 * Encodes a byte stream as base64 a chunk at a time, pulled by the caller: each chunk's whole
 * 3-byte groups are encoded at once and the 0–2 bytes left over wait for the next, so the pieces
 * joined are exactly the base64 of the whole input (padded at the end only), while no more than
 * one chunk's worth is held at a time.
 */
export async function* encodeBase64Stream(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  let carry = new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let bytes = value;
      if (carry.length > 0) {
        bytes = new Uint8Array(carry.length + value.length);
        bytes.set(carry);
        bytes.set(value, carry.length);
      }
      const whole = bytes.length - (bytes.length % 3);
      if (whole > 0) yield encodeBase64(bytes.subarray(0, whole));
      carry = bytes.slice(whole);
    }
  } finally {
    reader.releaseLock();
  }
  if (carry.length > 0) yield encodeBase64(carry);
}
