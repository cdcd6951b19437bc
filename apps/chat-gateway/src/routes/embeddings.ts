import {
  encodeEmbeddingBase64,
  estimateTokens,
  type GatewayRequest,
  invalidRequest,
  mapWorkersAiEmbeddingResponse,
  parseEmbeddingRequest,
  readJsonBody,
  recordUsage,
  requestConfig,
  resolveModel,
  upstreamFor,
} from '@workers-ai-gateways/core';
import { modelHeaders } from './model-headers';

// Workers AI's text-embeddings schema takes at most 100 texts per call.
const DEFAULT_BATCH = 100;

/**
 * `POST /v1/embeddings`: every input embedded, in order, batched 100 texts per upstream call
 * (batches run in parallel). `encoding_format: "base64"` (the openai SDK's default) returns
 * little-endian float32 bytes; `dimensions` is accepted only when it equals the model's native
 * size, since no Workers AI embedding model can shorten its vectors.
 */
export async function embeddings(request: GatewayRequest): Promise<Response> {
  const body = parseEmbeddingRequest(await readJsonBody(request));
  const config = requestConfig(request);
  const resolved = resolveModel(body.model, { aliases: config.modelAliases, task: 'text-embeddings' });
  request.gateway.model = resolved.model;
  const native = resolved.entry?.embeddingDimensions;
  if (body.dimensions != null && body.dimensions !== native) {
    throw invalidRequest(
      native === undefined
        ? `The model '${body.model}' has no known vector size, so 'dimensions' cannot be honoured; omit it.`
        : `The model '${body.model}' returns ${native}-dimensional vectors and cannot shorten them; omit 'dimensions' or send ${native}.`,
      'dimensions',
    );
  }
  const batchSize = resolved.entry?.maxBatch ?? DEFAULT_BATCH;
  const batches: string[][] = [];
  for (let offset = 0; offset < body.inputs.length; offset += batchSize) {
    batches.push(body.inputs.slice(offset, offset + batchSize));
  }
  const upstream = upstreamFor(request);
  const settled = await Promise.allSettled(
    batches.map(async (batch) => {
      const result = await upstream.run(resolved.model, { text: batch }, { signal: request.signal });
      if (result.kind !== 'json') {
        throw invalidRequest(`The model '${body.model}' did not return embeddings.`, 'model');
      }
      return { batch, ...mapWorkersAiEmbeddingResponse(result.data, batch.length) };
    }),
  );
  const results = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  // Every batch Workers AI answered was billed, so it is charged even when another batch failed.
  const promptTokens = results.reduce(
    (total, result) =>
      total +
      (result.usage?.prompt_tokens ??
        result.batch.reduce((sum, text) => sum + estimateTokens(text.length), 0)),
    0,
  );
  if (results.length > 0) {
    recordUsage(request, { model: resolved.model, usage: { inputTokens: promptTokens, outputTokens: 0 } });
  }
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const vectors = results.flatMap((result) => result.vectors);
  return Response.json(
    {
      object: 'list',
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: body.encoding_format === 'base64' ? encodeEmbeddingBase64(vector) : vector,
      })),
      model: resolved.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    },
    { headers: modelHeaders(resolved) },
  );
}
