import { describe, expect, it } from 'vitest';
import { fixtureEvents } from '../testing/fixture-events';
import { replayChunks } from '../testing/replay-chunks';
import qwqThinkChat from './__fixtures__/legacy-qwq-think.chat.sse?raw';
import qwqThinkStop from './__fixtures__/legacy-qwq-think.chat-stop-think.sse?raw';
import qwqThink from './__fixtures__/legacy-qwq-think.chunks.txt?raw';
import qwqThinkText from './__fixtures__/legacy-qwq-think.completions.sse?raw';
import stopSplitChat from './__fixtures__/legacy-stop-split.chat.sse?raw';
import stopSplitStop from './__fixtures__/legacy-stop-split.chat-stop-think.sse?raw';
import stopSplit from './__fixtures__/legacy-stop-split.chunks.txt?raw';
import stopSplitText from './__fixtures__/legacy-stop-split.completions.sse?raw';
import legacyToolChat from './__fixtures__/legacy-tool-call.chat.sse?raw';
import legacyToolStop from './__fixtures__/legacy-tool-call.chat-stop-think.sse?raw';
import legacyTool from './__fixtures__/legacy-tool-call.chunks.txt?raw';
import legacyToolText from './__fixtures__/legacy-tool-call.completions.sse?raw';
import truncatedChat from './__fixtures__/legacy-truncated.chat.sse?raw';
import truncatedStop from './__fixtures__/legacy-truncated.chat-stop-think.sse?raw';
import truncated from './__fixtures__/legacy-truncated.chunks.txt?raw';
import truncatedText from './__fixtures__/legacy-truncated.completions.sse?raw';
import glmChat from './__fixtures__/openai-glm-finish-with-usage.chat.sse?raw';
import glmStop from './__fixtures__/openai-glm-finish-with-usage.chat-stop-think.sse?raw';
import glm from './__fixtures__/openai-glm-finish-with-usage.chunks.txt?raw';
import glmText from './__fixtures__/openai-glm-finish-with-usage.completions.sse?raw';
import gptOssChat from './__fixtures__/openai-gpt-oss.chat.sse?raw';
import gptOssStop from './__fixtures__/openai-gpt-oss.chat-stop-think.sse?raw';
import gptOss from './__fixtures__/openai-gpt-oss.chunks.txt?raw';
import gptOssText from './__fixtures__/openai-gpt-oss.completions.sse?raw';
import toolFragmentsChat from './__fixtures__/openai-tool-call-fragments.chat.sse?raw';
import toolFragmentsStop from './__fixtures__/openai-tool-call-fragments.chat-stop-think.sse?raw';
import toolFragments from './__fixtures__/openai-tool-call-fragments.chunks.txt?raw';
import toolFragmentsText from './__fixtures__/openai-tool-call-fragments.completions.sse?raw';
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

/** Each recorded upstream stream with the expected client stream of each golden setup. */
const goldens: Record<string, { chunks: string; expected: Record<string, string> }> = {
  'legacy-qwq-think': {
    chunks: qwqThink,
    expected: { chat: qwqThinkChat, 'chat-stop-think': qwqThinkStop, completions: qwqThinkText },
  },
  'legacy-stop-split': {
    chunks: stopSplit,
    expected: { chat: stopSplitChat, 'chat-stop-think': stopSplitStop, completions: stopSplitText },
  },
  'legacy-tool-call': {
    chunks: legacyTool,
    expected: { chat: legacyToolChat, 'chat-stop-think': legacyToolStop, completions: legacyToolText },
  },
  'legacy-truncated': {
    chunks: truncated,
    expected: { chat: truncatedChat, 'chat-stop-think': truncatedStop, completions: truncatedText },
  },
  'openai-glm-finish-with-usage': {
    chunks: glm,
    expected: { chat: glmChat, 'chat-stop-think': glmStop, completions: glmText },
  },
  'openai-gpt-oss': {
    chunks: gptOss,
    expected: { chat: gptOssChat, 'chat-stop-think': gptOssStop, completions: gptOssText },
  },
  'openai-tool-call-fragments': {
    chunks: toolFragments,
    expected: {
      chat: toolFragmentsChat,
      'chat-stop-think': toolFragmentsStop,
      completions: toolFragmentsText,
    },
  },
};

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
    for (const [name, { chunks, expected }] of Object.entries(goldens)) {
      const bytes = chunkFixtureBytes(chunks);
      const splits = [
        [bytes],
        Array.from(bytes, (byte) => Uint8Array.of(byte)),
        [bytes.subarray(0, 37), bytes.subarray(37, 101), bytes.subarray(101)],
      ];
      for (const [setupName, setup] of Object.entries(CHAT_STREAM_GOLDEN_SETUPS)) {
        const golden = expected[setupName];
        expect(golden, `${name}.${setupName}.sse exists`).toBeDefined();
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
