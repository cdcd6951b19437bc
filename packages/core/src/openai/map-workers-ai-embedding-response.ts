import { GatewayError } from '../errors/gateway-error';
import { JsonVectorText } from '../workers-ai/client/parse-json-keeping-vectors';
import { type ChatUsage, mapWorkersAiChatUsage } from './map-workers-ai-chat-usage';

/** One embedding: parsed numbers (binding), or their JSON text kept as it came (REST). */
export type EmbeddingVector = readonly number[] | JsonVectorText;

/**
 * Reads a Workers AI embeddings result (`{shape, data, pooling}`, REST may add `usage`)
 * tolerantly, checking only what the gateway relies on: one numeric vector per input, in order.
 * A result with the wrong number of vectors is a 502, never a silently shortened list.
 */
export function mapWorkersAiEmbeddingResponse(
  data: unknown,
  expected: number,
): { vectors: EmbeddingVector[]; usage: ChatUsage | undefined } {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const vectors: unknown[] = Array.isArray(record.data) ? record.data : [];
  // A JsonVectorText holds numbers only: parseJsonKeepingVectors checked each one.
  const valid = vectors.every(
    (vector) =>
      vector instanceof JsonVectorText ||
      (Array.isArray(vector) && vector.every((value) => typeof value === 'number')),
  );
  if (!valid || vectors.length !== expected) {
    throw new GatewayError(
      502,
      'upstream_error',
      `Workers AI returned ${vectors.length} embeddings for ${expected} inputs.`,
    );
  }
  return { vectors: vectors as EmbeddingVector[], usage: mapWorkersAiChatUsage(record.usage) };
}
