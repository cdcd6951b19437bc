import { JsonVectorText } from '../workers-ai/client/parse-json-keeping-vectors';
import { encodeEmbeddingBase64 } from './encode-embedding-base64';
import type { EmbeddingVector } from './map-workers-ai-embedding-response';

/** What an OpenAI embeddings answer holds. */
export interface EmbeddingList {
  vectors: readonly EmbeddingVector[];
  encoding: 'float' | 'base64';
  model: string;
  promptTokens: number;
}

/**
 * The OpenAI embeddings answer (`{object: "list", data: [{object, index, embedding}], model,
 * usage}`) as JSON text, byte for byte what `JSON.stringify` prints for it: a vector kept as its
 * JSON text is spliced in as it is, so 100 × 768 floats are never parsed nor re-printed.
 */
export function renderEmbeddingList({ vectors, encoding, model, promptTokens }: EmbeddingList): string {
  const items = vectors.map((vector, index) => {
    const embedding =
      encoding === 'base64'
        ? JSON.stringify(encodeEmbeddingBase64(vector))
        : vector instanceof JsonVectorText
          ? vector.text
          : JSON.stringify(vector);
    return `{"object":"embedding","index":${index},"embedding":${embedding}}`;
  });
  const usage = JSON.stringify({ prompt_tokens: promptTokens, total_tokens: promptTokens });
  return `{"object":"list","data":[${items.join(',')}],"model":${JSON.stringify(model)},"usage":${usage}}`;
}
