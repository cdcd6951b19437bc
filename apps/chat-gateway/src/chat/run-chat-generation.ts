import {
  type ChatCallResult,
  type ChatChoiceResult,
  type ChatStreamPart,
  type ChatUsage,
  createChatCompletionEventStream,
  createChatCompletionStream,
  createChatStreamPartsFromResult,
  encodeChatCompletionStream,
  estimateChatUsage,
  estimateTokens,
  GatewayError,
  type GatewayRequest,
  mapWorkersAiChatResponse,
  mergeChatCompletionStreams,
  parseJsonEventStream,
  recordUsage,
  sumChatUsage,
  upstreamFor,
  type WorkersAiChatCall,
} from '@workers-ai-gateways/core';

/** One chat or completion request, planned as one upstream call per choice. */
export interface ChatGeneration {
  /** The Workers AI model to call. */
  model: string;
  /** Upstream inputs of each call, in choice order (`n` > 1 and prompt arrays make several). */
  calls: WorkersAiChatCall[];
  stream: boolean;
  includeUsage: boolean;
  /** Characters sent as prompt, to estimate prompt tokens when the upstream reports none. */
  promptCharacters: number;
}

/** Everything the non-streamed renderers need. */
export interface ChatGenerationResult {
  choices: ChatChoiceResult[];
  usage: ChatUsage;
}

function completeUsage(
  usage: ChatUsage | undefined,
  promptCharacters: number,
  completionCharacters: number,
): ChatUsage {
  // Estimated only when Workers AI reports no usage at all.
  if (usage === undefined) return estimateChatUsage(promptCharacters, completionCharacters);
  const estimatedPrompt = estimateTokens(promptCharacters);
  if (usage.prompt_tokens > 0) return usage;
  return {
    ...usage,
    prompt_tokens: estimatedPrompt,
    total_tokens: estimatedPrompt + usage.completion_tokens,
  };
}

/**
 * This call's usage for the ledger and the log line: Workers AI's own neurons when every call
 * reported them, else the catalog estimate from the token counts.
 */
function recordChatUsage(
  request: GatewayRequest,
  model: string,
  usage: ChatUsage,
  afterResponse: boolean,
): void {
  recordUsage(
    request,
    {
      model,
      usage: {
        inputTokens: usage.prompt_tokens,
        outputTokens: usage.completion_tokens,
        ...(usage.prompt_tokens_details === undefined
          ? {}
          : { cachedTokens: usage.prompt_tokens_details.cached_tokens }),
      },
      ...(usage.neurons === undefined ? {} : { reportedNeurons: usage.neurons }),
    },
    { afterResponse },
  );
}

/** Runs every call of a non-streamed generation and maps the answers to OpenAI choices. */
export async function runChatGeneration(
  request: GatewayRequest,
  generation: ChatGeneration,
): Promise<ChatGenerationResult> {
  const upstream = upstreamFor(request);
  const settled = await Promise.allSettled(
    generation.calls.map(async (call) => {
      const result = await upstream.run(generation.model, call.inputs, { signal: request.signal });
      if (result.kind !== 'json') {
        throw new GatewayError(
          502,
          'upstream_error',
          `Workers AI answered '${generation.model}' with ${result.kind} output, not text.`,
        );
      }
      return mapWorkersAiChatResponse(result.data, call);
    }),
  );
  const results = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure !== undefined) {
    // `n` > 1 with one call failed: the others were answered, and paid for, all the same.
    if (results.length > 0) {
      const usage = sumChatUsage(results.map((result) => result.usage));
      if (usage !== undefined) recordChatUsage(request, generation.model, usage, false);
    }
    throw failure.reason;
  }
  const choices = results
    .map((result: ChatCallResult) => result.choices[0])
    .filter((choice) => choice !== undefined);
  const completionCharacters = choices.reduce(
    (total, choice) => total + (choice.content?.length ?? 0) + (choice.reasoning?.length ?? 0),
    0,
  );
  const usage = completeUsage(
    sumChatUsage(results.map((result) => result.usage)),
    generation.promptCharacters,
    completionCharacters,
  );
  recordChatUsage(request, generation.model, usage, false);
  return { choices, usage };
}

/**
 * Starts every call of a streamed generation and returns the client's event stream. JSON-mode
 * calls on legacy models are made unstreamed (Workers AI cannot stream them) and replayed as
 * stream parts; every upstream stream is mapped as it arrives and the choices are interleaved.
 */
export async function streamChatGeneration(
  request: GatewayRequest,
  generation: ChatGeneration,
  framing: { kind: 'chat' | 'text'; id: string; created: number; model: string },
): Promise<ReadableStream<Uint8Array>> {
  const upstream = upstreamFor(request);
  const streamFraming = {
    ...framing,
    choices: generation.calls.length,
    includeUsage: generation.includeUsage,
    onUsage: (usage: ChatUsage) =>
      recordChatUsage(request, generation.model, completeUsage(usage, generation.promptCharacters, 0), true),
  };
  const [onlyCall] = generation.calls;
  if (generation.calls.length === 1 && onlyCall !== undefined) {
    const result = await upstream.run(generation.model, onlyCall.inputs, {
      stream: streamsUpstream(onlyCall),
      signal: request.signal,
    });
    // The common case, one streamed choice: decoded, mapped and framed in one stage, the
    // cheapest per token (see createChatCompletionEventStream).
    if (result.kind === 'stream') {
      return createChatCompletionEventStream(result.body, { ...onlyCall, index: 0 }, streamFraming);
    }
    return encodeChatCompletionStream(
      await streamPartsOf(result, onlyCall, 0, generation.model),
      streamFraming,
    );
  }
  const settled = await Promise.allSettled(
    generation.calls.map(async (call, index): Promise<ReadableStream<ChatStreamPart>> => {
      const result = await upstream.run(generation.model, call.inputs, {
        stream: streamsUpstream(call),
        signal: request.signal,
      });
      return streamPartsOf(result, call, index, generation.model);
    }),
  );
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  const streams = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  if (failure !== undefined) {
    // One choice failed before streaming began: the others must not keep running unseen.
    await Promise.all(streams.map((stream) => stream.cancel().catch(() => {})));
    throw failure.reason;
  }
  return encodeChatCompletionStream(mergeChatCompletionStreams(streams), streamFraming);
}

/** JSON-mode calls on legacy models are made unstreamed: Workers AI cannot stream them. */
function streamsUpstream(call: WorkersAiChatCall): boolean {
  return !(call.jsonMode && call.family === 'legacy');
}

/** One upstream answer as stream parts of the choice at `index`. */
async function streamPartsOf(
  result: Awaited<ReturnType<ReturnType<typeof upstreamFor>['run']>>,
  call: WorkersAiChatCall,
  index: number,
  model: string,
): Promise<ReadableStream<ChatStreamPart>> {
  if (result.kind === 'stream') {
    return parseJsonEventStream(result.body).pipeThrough(createChatCompletionStream({ ...call, index }));
  }
  if (result.kind === 'json') {
    return createChatStreamPartsFromResult(mapWorkersAiChatResponse(result.data, call), index);
  }
  await result.body.cancel();
  throw new GatewayError(
    502,
    'upstream_error',
    `Workers AI answered '${model}' with binary output, not text.`,
  );
}

/** Response headers of an OpenAI event stream. */
export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
} as const;
