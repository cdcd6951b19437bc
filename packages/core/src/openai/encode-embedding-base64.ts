/**
 * Encodes an embedding the way OpenAI's `encoding_format: "base64"` does: the vector as
 * little-endian float32 bytes, base64-encoded. The official `openai` SDKs ask for this by default
 * and decode it with a `Float32Array` view, so the byte order must be little-endian whatever the
 * host is (DataView makes it explicit).
 */
export function encodeEmbeddingBase64(vector: readonly number[]): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((value, index) => {
    view.setFloat32(index * 4, value, true);
  });
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}
