import { describe, expect, it } from 'vitest';
import { replayChunks } from '../testing/replay-chunks';
import { parseJsonEventStream } from '../workers-ai/sse/parse-json-event-stream';
import qwqThink from './__fixtures__/legacy-qwq-think.chunks.txt?raw';
import stopSplit from './__fixtures__/legacy-stop-split.chunks.txt?raw';
import legacyTool from './__fixtures__/legacy-tool-call.chunks.txt?raw';
import legacyTruncated from './__fixtures__/legacy-truncated.chunks.txt?raw';
import glmFinish from './__fixtures__/openai-glm-finish-with-usage.chunks.txt?raw';
import gptOss from './__fixtures__/openai-gpt-oss.chunks.txt?raw';
import toolFragments from './__fixtures__/openai-tool-call-fragments.chunks.txt?raw';
import { createChatCompletionEventStream } from './create-chat-completion-event-stream';
import {
  type ChatCompletionStreamOptions,
  createChatCompletionStream,
} from './create-chat-completion-stream';
import {
  type ChatCompletionStreamFraming,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream';
import type { ChatUsage } from './map-workers-ai-chat-usage';

const encoder = new TextEncoder();

function bytesOf(fixture: string): Uint8Array {
  const lines = fixture.split('\n').filter((line) => line !== '');
  return encoder.encode(lines.map((line) => `${line}\n\n`).join(''));
}

interface Outcome {
  text: string;
  usage: ChatUsage[];
}

// Tool-call ids without an upstream id are random: compare everything else.
const normalise = (text: string) => text.replace(/call_[0-9a-f]{24}/g, 'call_x');

async function run(
  make: (
    body: ReadableStream<Uint8Array>,
    options: ChatCompletionStreamOptions,
    framing: ChatCompletionStreamFraming,
  ) => ReadableStream<Uint8Array>,
  chunks: Uint8Array[],
  options: ChatCompletionStreamOptions,
  framing: Omit<ChatCompletionStreamFraming, 'onUsage'>,
  failAtEnd = false,
): Promise<Outcome> {
  const usage: ChatUsage[] = [];
  const stream = make(replayChunks(chunks, failAtEnd), options, {
    ...framing,
    onUsage: (seen) => usage.push(seen),
  });
  return { text: normalise(await new Response(stream).text()), usage };
}

const pipeline = (
  body: ReadableStream<Uint8Array>,
  options: ChatCompletionStreamOptions,
  framing: ChatCompletionStreamFraming,
) =>
  encodeChatCompletionStream(
    parseJsonEventStream(body).pipeThrough(createChatCompletionStream(options)),
    framing,
  );

const fixtures = { qwqThink, stopSplit, legacyTool, legacyTruncated, glmFinish, gptOss, toolFragments };

const cases: {
  options: ChatCompletionStreamOptions;
  framing: Omit<ChatCompletionStreamFraming, 'onUsage'>;
}[] = [
  {
    options: { index: 0, stop: [], thinkTags: false, maxTokens: undefined },
    framing: { kind: 'chat', id: 'c', created: 1, model: 'm', choices: 1, includeUsage: false },
  },
  {
    options: { index: 0, stop: ['END', '42'], thinkTags: true, maxTokens: 5 },
    framing: { kind: 'chat', id: 'c', created: 1, model: 'm', choices: 1, includeUsage: true },
  },
  {
    options: { index: 0, stop: ['e'], thinkTags: false, maxTokens: undefined },
    framing: { kind: 'text', id: 'c', created: 1, model: 'm', choices: 1, includeUsage: true },
  },
];

describe('createChatCompletionEventStream', () => {
  it('sends what the stage-per-step pipeline sends, however the upstream bytes are split', async () => {
    for (const [name, fixture] of Object.entries(fixtures)) {
      const bytes = bytesOf(fixture);
      const splits = [
        [bytes],
        Array.from(bytes, (byte) => Uint8Array.of(byte)),
        [bytes.subarray(0, 37), bytes.subarray(37, 101), bytes.subarray(101)],
      ];
      for (const { options, framing } of cases) {
        for (const chunks of splits) {
          const expected = await run(pipeline, chunks, options, framing);
          const actual = await run(createChatCompletionEventStream, chunks, options, framing);
          expect(actual, name).toEqual(expected);
        }
      }
    }
  });

  it('ends a failed upstream read with the same error event and usage estimate', async () => {
    const chunks = [bytesOf(gptOss).subarray(0, 300)];
    const options = { index: 0, stop: [], thinkTags: false, maxTokens: undefined };
    const framing = {
      kind: 'chat' as const,
      id: 'c',
      created: 1,
      model: 'm',
      choices: 1,
      includeUsage: true,
    };
    const expected = await run(pipeline, chunks, options, framing, true);
    const actual = await run(createChatCompletionEventStream, chunks, options, framing, true);
    expect(actual.text).toContain('upstream_error');
    expect(actual).toEqual(expected);
  });

  it('sends one output chunk per upstream chunk and cancels upstream when the client goes away', async () => {
    let cancelled = false;
    const source = bytesOf(stopSplit);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(source.subarray(0, 90));
      },
      cancel() {
        cancelled = true;
      },
    });
    const usage: ChatUsage[] = [];
    const stream = createChatCompletionEventStream(
      body,
      { index: 0, stop: [], thinkTags: false, maxTokens: undefined },
      {
        kind: 'chat',
        id: 'c',
        created: 1,
        model: 'm',
        choices: 1,
        includeUsage: false,
        onUsage: (seen) => usage.push(seen),
      },
    );
    const reader = stream.getReader();
    const role = await reader.read();
    const first = await reader.read();
    expect(new TextDecoder().decode(role.value)).toContain('"role":"assistant"');
    expect(new TextDecoder().decode(first.value)).toContain('"content":"The answer"');
    await reader.cancel();
    expect(cancelled).toBe(true);
    expect(usage).toHaveLength(1);
    expect(sent).toBeLessThan(4);
  });
});
