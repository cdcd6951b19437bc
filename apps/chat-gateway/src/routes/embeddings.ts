import {
  estimateTokens,
  type GatewayRequest,
  invalidRequest,
  mapWorkersAiEmbeddingResponse,
  parseEmbeddingRequest,
  readJsonBody,
  recordUsage,
  renderEmbeddingList,
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
      // Floats stay JSON text from Workers AI's answer to ours (REST): never parsed nor re-printed.
      // base64 needs the numbers, and one parse of the whole answer is the cheapest way to them.
      const result = await upstream.run(
        resolved.model,
        { text: batch },
        { signal: request.signal, keepVectorsAsText: body.encoding_format === 'float' },
      );
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
  const json = renderEmbeddingList({
    vectors: results.flatMap((result) => result.vectors),
    encoding: body.encoding_format,
    model: resolved.model,
    promptTokens,
  });
  return new Response(json, { headers: { 'content-type': 'application/json', ...modelHeaders(resolved) } });
}
