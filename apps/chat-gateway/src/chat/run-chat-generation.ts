import {
  type ChatCallResult,
  type ChatPartSource,
  type ChatStreamFramer,
  type ChatUsage,
  chargeRoute,
  createChatEventStream,
  createResultChatPartSource,
  createUpstreamChatPartSource,
  estimateChatUsage,
  estimateTokens,
  GatewayError,
  type GatewayRequest,
  mapWorkersAiChatResponse,
  recordUsage,
  requestLedger,
  sumChatUsage,
  upstreamFor,
  type WorkersAiChatCall,
} from '@workers-ai-gateways/core';
import type { ChatGeneration, ChatGenerationResult } from './chat-generation';
import { expectedChatNeurons } from './expected-chat-neurons';

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
  await holdExpectedCost(request, generation);
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

/** What a protocol's framer is made from: the choice count and where the usage goes at the end. */
export interface ChatFramerContext {
  choices: number;
  onUsage: (usage: ChatUsage) => void;
}

/**
 * Starts every call of a streamed generation and returns the client's event stream in the
 * protocol `createFramer` frames. JSON-mode calls on legacy models are made unstreamed
 * (Workers AI cannot stream them) and replayed as parts; every upstream stream is mapped as it
 * arrives and the choices are interleaved, all in one stream stage (createChatEventStream).
 */
export async function streamChatGeneration(
  request: GatewayRequest,
  generation: ChatGeneration,
  createFramer: (context: ChatFramerContext) => ChatStreamFramer,
): Promise<ReadableStream<Uint8Array>> {
  await holdExpectedCost(request, generation);
  const upstream = upstreamFor(request);
  const framer = createFramer({
    choices: generation.calls.length,
    onUsage: (usage: ChatUsage) =>
      recordChatUsage(request, generation.model, completeUsage(usage, generation.promptCharacters, 0), true),
  });
  const settled = await Promise.allSettled(
    generation.calls.map(async (call, index): Promise<ChatPartSource> => {
      const result = await upstream.run(generation.model, call.inputs, {
        stream: streamsUpstream(call),
        signal: request.signal,
      });
      return partSourceOf(result, call, index, generation.model);
    }),
  );
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  const sources = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  if (failure !== undefined) {
    // One choice failed before streaming began: the others must not keep running unseen.
    await Promise.all(sources.map((source) => source.cancel().catch(() => {})));
    throw failure.reason;
  }
  return createChatEventStream(sources, framer);
}

/**
 * Checks the budget against what this generation can cost at most and holds that until its
 * charge, so concurrent requests count each other (the route's guard in front only knew the
 * day's total).
 */
function holdExpectedCost(request: GatewayRequest, generation: ChatGeneration): Promise<void> {
  return requestLedger(request).assertBudget(chargeRoute(request), expectedChatNeurons(generation));
}

/** JSON-mode calls on legacy models are made unstreamed: Workers AI cannot stream them. */
function streamsUpstream(call: WorkersAiChatCall): boolean {
  return !(call.jsonMode && call.family === 'legacy');
}

/** One upstream answer as the part source of the choice at `index`. */
async function partSourceOf(
  result: Awaited<ReturnType<ReturnType<typeof upstreamFor>['run']>>,
  call: WorkersAiChatCall,
  index: number,
  model: string,
): Promise<ChatPartSource> {
  if (result.kind === 'stream') return createUpstreamChatPartSource(result.body, { ...call, index });
  if (result.kind === 'json') {
    return createResultChatPartSource(mapWorkersAiChatResponse(result.data, call), index);
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
