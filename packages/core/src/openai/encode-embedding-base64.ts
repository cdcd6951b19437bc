import { encodeBase64 } from '../encoding/encode-base64';
import { JsonVectorText } from '../workers-ai/client/parse-json-keeping-vectors';

// True on every host Workers run on; checked once so that a big-endian host still gets
// little-endian bytes (through DataView) rather than wrong vectors.
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes an embedding the way OpenAI's `encoding_format: "base64"` does: the vector as
 * little-endian float32 bytes, base64-encoded. The official `openai` SDKs ask for this by default
 * and decode it with a `Float32Array` view. The numbers go straight into a `Float32Array` (one
 * conversion each, the same float32 rounding as `DataView.setFloat32`) and are encoded once.
 */
export function encodeEmbeddingBase64(embedding: readonly number[] | JsonVectorText): string {
  const vector = embedding instanceof JsonVectorText ? embedding.values() : embedding;
  const bytes = LITTLE_ENDIAN_HOST
    ? new Uint8Array(Float32Array.from(vector).buffer)
    : littleEndianBytes(vector);
  return encodeBase64(bytes);
}

function littleEndianBytes(vector: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < vector.length; index += 1) {
    view.setFloat32(index * 4, vector[index] as number, true);
  }
  return bytes;
}
