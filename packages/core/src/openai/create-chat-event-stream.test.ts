import { describe, expect, it } from 'vitest';
import { fixtureEvents } from '../testing/fixture-events';
import { replayChunks } from '../testing/replay-chunks';
import stopSplit from './__fixtures__/legacy-stop-split.chunks.txt?raw';
import glm from './__fixtures__/openai-glm-finish-with-usage.chunks.txt?raw';
import gptOss from './__fixtures__/openai-gpt-oss.chunks.txt?raw';
import {
  CHAT_STREAM_GOLDEN_SETUPS,
  chunkFixtureBytes,
  renderChatStreamGolden,
} from './__fixtures__/render-chat-stream-goldens';
import type { ChatStreamPartOptions } from './chat-stream-part';
import { createChatCompletionFramer } from './create-chat-completion-framer';
import { createChatEventStream } from './create-chat-event-stream';
import { createResultChatPartSource } from './create-result-chat-part-source';
import { createUpstreamChatPartSource } from './create-upstream-chat-part-source';
import type { ChatUsage } from './map-workers-ai-chat-usage';

// Every recorded upstream stream and every golden client stream, read by Vite at build time.
const fixtureFiles = import.meta.glob<string>('./__fixtures__/*.{chunks.txt,sse}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fixtureText = (name: string) => fixtureFiles[`./__fixtures__/${name}`];

const plain: ChatStreamPartOptions = { index: 0, stop: [], thinkTags: false, maxTokens: undefined };
const identity = { id: 'c', created: 1, model: 'm' };

async function lines(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const text = await new Response(stream).text();
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => block.replace(/^data: /, ''));
}

describe('createChatEventStream', () => {
  it('sends each golden file for its recorded upstream stream, however the bytes are split', async () => {
    const recorded = Object.keys(fixtureFiles).filter((path) => path.endsWith('.chunks.txt'));
    expect(recorded.length).toBeGreaterThanOrEqual(8);
    for (const path of recorded) {
      const name = path.slice('./__fixtures__/'.length, -'.chunks.txt'.length);
      const bytes = chunkFixtureBytes(fixtureText(`${name}.chunks.txt`) ?? '');
      const splits = [
        [bytes],
        Array.from(bytes, (byte) => Uint8Array.of(byte)),
        [bytes.subarray(0, 37), bytes.subarray(37, 101), bytes.subarray(101)],
      ];
      for (const [setupName, setup] of Object.entries(CHAT_STREAM_GOLDEN_SETUPS)) {
        const golden = fixtureText(`${name}.${setupName}.sse`);
        expect(
          golden,
          `${name}.${setupName}.sse exists (node packages/core/scripts/write-chat-stream-goldens.mjs)`,
        ).toBeDefined();
        for (const split of splits) {
          expect(await renderChatStreamGolden(setup, split), `${name}.${setupName}.sse`).toBe(golden);
        }
      }
    }
  });

  it('ends a failed upstream read with an error event and [DONE], and reports an estimate', async () => {
    const usage: ChatUsage[] = [];
    const body = replayChunks([chunkFixtureBytes(gptOss).subarray(0, 700)], true);
    const framer = createChatCompletionFramer({
      ...identity,
      kind: 'chat',
      choices: 1,
      includeUsage: true,
      onUsage: (seen) => usage.push(seen),
    });
    const received = await lines(createChatEventStream([createUpstreamChatPartSource(body, plain)], framer));
    expect(received.at(-1)).toBe('[DONE]');
    expect(JSON.parse(received.at(-2) ?? '{}')).toMatchObject({
      error: { type: 'api_error', code: 'upstream_error' },
    });
    expect(usage).toHaveLength(1);
    expect(usage[0]?.completion_tokens).toBeGreaterThan(0);
  });

  it('sends one output chunk per upstream chunk and cancels upstream when the client goes away', async () => {
    let cancelled = false;
    const source = chunkFixtureBytes(stopSplit);
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
    const framer = createChatCompletionFramer({
      ...identity,
      kind: 'chat',
      choices: 1,
      includeUsage: false,
      onUsage: (seen) => usage.push(seen),
    });
    const reader = createChatEventStream([createUpstreamChatPartSource(body, plain)], framer).getReader();
    const role = await reader.read();
    const first = await reader.read();
    expect(new TextDecoder().decode(role.value)).toContain('"role":"assistant"');
    expect(new TextDecoder().decode(first.value)).toContain('"content":"The answer"');
    await reader.cancel();
    expect(cancelled).toBe(true);
    expect(usage).toHaveLength(1);
    expect(sent).toBeLessThan(4);
  });

  it('interleaves several upstream calls and a replayed answer as choices, with the summed usage', async () => {
    const usage = { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 };
    const replayed = createResultChatPartSource(
      {
        choices: [{ content: '{"a":1}', reasoning: undefined, toolCalls: [], finishReason: 'stop' }],
        usage,
      },
      2,
    );
    const framer = createChatCompletionFramer({ ...identity, kind: 'chat', choices: 3, includeUsage: true });
    const stream = createChatEventStream(
      [
        createUpstreamChatPartSource(replayChunks(fixtureEvents(stopSplit)), plain),
        createUpstreamChatPartSource(replayChunks([chunkFixtureBytes(glm)]), { ...plain, index: 1 }),
        replayed,
      ],
      framer,
    );
    const received = await lines(stream);
    expect(received.at(-1)).toBe('[DONE]');
    const chunks = received.slice(0, -1).map((line) => JSON.parse(line));
    const contentOf = (index: number) =>
      chunks
        .filter((chunk) => chunk.choices[0]?.index === index)
        .map((chunk) => chunk.choices[0].delta.content ?? '')
        .join('');
    expect(contentOf(0)).toContain('The answer is 42.');
    expect(contentOf(1).length).toBeGreaterThan(0);
    expect(contentOf(2)).toBe('{"a":1}');
    const finishes = chunks.filter((chunk) => chunk.choices[0]?.finish_reason);
    expect(finishes.map((chunk) => chunk.choices[0].index).sort()).toEqual([0, 1, 2]);
    expect(chunks.at(-1).usage.prompt_tokens).toBeGreaterThan(2);
  });

  it('stops every other upstream call when one fails', async () => {
    let otherCancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull() {
        return new Promise(() => {});
      },
      cancel() {
        otherCancelled = true;
      },
    });
    const framer = createChatCompletionFramer({ ...identity, kind: 'chat', choices: 2, includeUsage: false });
    const stream = createChatEventStream(
      [
        createUpstreamChatPartSource(endless, plain),
        createUpstreamChatPartSource(replayChunks([new TextEncoder().encode('data: {not json\n\n')]), {
          ...plain,
          index: 1,
        }),
      ],
      framer,
    );
    const received = await lines(stream);
    expect(received.at(-1)).toBe('[DONE]');
    expect(JSON.parse(received.at(-2) ?? '{}')).toHaveProperty('error');
    expect(otherCancelled).toBe(true);
  });
});
