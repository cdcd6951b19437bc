import { createMessagesFramer } from '../../anthropic/create-messages-framer';
import type { ChatStreamFramer, ChatStreamPartOptions } from '../chat-stream-part';
import { createChatCompletionFramer } from '../create-chat-completion-framer';
import { createChatEventStream } from '../create-chat-event-stream';
import { createResponsesFramer } from '../create-responses-framer';
import { createUpstreamChatPartSource } from '../create-upstream-chat-part-source';

/**
 * One framer setup the golden files are written for: `<fixture>.<name>.sse` beside each
 * recorded `<fixture>.chunks.txt`. A protocol's framer adds its entry here, and
 * `node packages/core/scripts/write-chat-stream-goldens.mjs` writes the files it expects; the
 * test (`create-chat-event-stream.test.ts`) fails on any difference, so a change in a mapper or
 * framer shows as a diff of these files.
 */
export interface ChatStreamGoldenSetup {
  options: ChatStreamPartOptions;
  framer: () => ChatStreamFramer;
}

const plain: ChatStreamPartOptions = { index: 0, stop: [], thinkTags: false, maxTokens: undefined };
const identity = { id: 'c', created: 1, model: 'm', choices: 1 } as const;

/** The framer setups with golden files, by the name in the file name. */
export const CHAT_STREAM_GOLDEN_SETUPS: Record<string, ChatStreamGoldenSetup> = {
  chat: {
    options: plain,
    framer: () => createChatCompletionFramer({ ...identity, kind: 'chat', includeUsage: true }),
  },
  'chat-stop-think': {
    options: { index: 0, stop: ['END', '42'], thinkTags: true, maxTokens: 5 },
    framer: () => createChatCompletionFramer({ ...identity, kind: 'chat', includeUsage: false }),
  },
  completions: {
    options: { ...plain, stop: ['e'] },
    framer: () => createChatCompletionFramer({ ...identity, kind: 'text', includeUsage: true }),
  },
  responses: {
    options: { ...plain, stop: ['END'], thinkTags: true },
    framer: () => createResponsesFramer({ template: { id: 'resp_x', object: 'response', created_at: 1, model: 'm' } }),
  },
  messages: {
    options: { ...plain, stop: ['END'], thinkTags: true },
    framer: () => createMessagesFramer({ id: 'msg_x', model: 'm', estimatedInputTokens: 7, thinking: true }),
  },
};

const encoder = new TextEncoder();

/** A recorded `*.chunks.txt` (one upstream event's data per line) as the SSE bytes Workers AI sends. */
export function chunkFixtureBytes(fixture: string): Uint8Array {
  const lines = fixture.split('\n').filter((line) => line !== '');
  return encoder.encode(lines.map((line) => `${line}\n\n`).join(''));
}

// Random parts of the output (tool-call ids made by the gateway) written as fixed text.
function normalise(text: string): string {
  return text.replace(/call_[0-9a-f]{24}/g, 'call_x');
}

/** The client's stream for `chunks` of upstream bytes through one setup, as normalised text. */
export async function renderChatStreamGolden(
  setup: ChatStreamGoldenSetup,
  chunks: readonly Uint8Array[],
): Promise<string> {
  const queue = [...chunks];
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
  const stream = createChatEventStream([createUpstreamChatPartSource(body, setup.options)], setup.framer());
  return normalise(await new Response(stream).text());
}
