import type { GatewayError } from '../errors/gateway-error';
import type { WorkersAiChatCall } from './convert-to-workers-ai-chat-input';
import type { ChatFinishReason } from './map-chat-finish-reason';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** One streamed tool-call fragment, in OpenAI's `delta.tool_calls[]` shape. */
export interface ChatToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments?: string };
}

/**
 * What one upstream stream contributes to the client's stream, before framing: text, reasoning
 * or tool-call deltas of one choice, that choice's finish, the call's usage, or a failure. The
 * one vocabulary every protocol's framer speaks (Chat Completions, Responses, Anthropic Messages).
 */
export type ChatStreamPart =
  | { type: 'delta'; index: number; content?: string; reasoning?: string; toolCalls?: ChatToolCallDelta[] }
  /** `stopSequence`: the client's stop sequence the gateway cut the text at, when it was one. */
  | { type: 'finish'; index: number; finishReason: ChatFinishReason; stopSequence?: string }
  | { type: 'usage'; usage: ChatUsage }
  /** `error`: the failure as the gateway knows it (status and code), when it is more than a broken stream. */
  | { type: 'error'; message: string; error?: GatewayError };

/** How one upstream call's events become parts: its stop sequences, think tags and choice index. */
export interface ChatStreamPartOptions extends Pick<WorkersAiChatCall, 'stop' | 'thinkTags' | 'maxTokens'> {
  /** The choice index this upstream call answers. */
  index: number;
}

/**
 * The state of one client stream's framing in one protocol: turns parts into that protocol's
 * SSE text. Text rather than bytes, so that a stream stage can frame all the parts of one
 * upstream chunk and encode them once.
 */
export interface ChatStreamFramer {
  /** What the protocol sends before any part (OpenAI's role chunks, Anthropic's message_start). */
  start(): string;
  /** The events of one part (often none). An error part ends the stream. */
  part(part: ChatStreamPart): string;
  /** The protocol's closing events, once every part was framed. */
  end(): string;
  /** The protocol's error event, for a stream that broke off. */
  fail(message: string): string;
  /** Reports the usage (once), e.g. when the client went away. */
  report(): void;
  /** Whether the stream has ended; nothing more may be framed. */
  readonly ended: boolean;
}

/** Where a part source or mapper sends the parts it makes. */
export interface ChatStreamPartSink {
  enqueue(part: ChatStreamPart): void;
}

/**
 * One origin of parts for `createChatEventStream`: an upstream SSE body read chunk by chunk, or
 * a whole answer replayed. The stream stage reads raw chunks itself (`read`) and hands each to
 * `push`, so a source adds no promise of its own per chunk.
 */
export interface ChatPartSource {
  /** Sends the parts known before any read (a replayed answer sends all of them here). */
  start(sink: ChatStreamPartSink): void;
  /** The next raw chunk from upstream. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /** Maps one raw chunk, sending any parts it yields. */
  push(chunk: Uint8Array, sink: ChatStreamPartSink): void;
  /** Ends the source when `read` is done: what was held back, then the finish or an error part. */
  finish(sink: ChatStreamPartSink): void;
  /** Stops reading upstream (the client went away or the stream ended early). */
  cancel(reason?: unknown): Promise<void>;
}
