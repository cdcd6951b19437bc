import { describe, expect, it } from 'vitest';
import { fixtureEvents } from '../testing/fixture-events';
import { replayChunks } from '../testing/replay-chunks';
import qwqThink from './__fixtures__/legacy-qwq-think.chunks.txt?raw';
import stopSplit from './__fixtures__/legacy-stop-split.chunks.txt?raw';
import legacyTool from './__fixtures__/legacy-tool-call.chunks.txt?raw';
import truncated from './__fixtures__/legacy-truncated.chunks.txt?raw';
import glm from './__fixtures__/openai-glm-finish-with-usage.chunks.txt?raw';
import gptOss from './__fixtures__/openai-gpt-oss.chunks.txt?raw';
import toolFragments from './__fixtures__/openai-tool-call-fragments.chunks.txt?raw';
import type { ChatStreamPart, ChatStreamPartOptions } from './chat-stream-part';
import { createUpstreamChatPartSource } from './create-upstream-chat-part-source';

/** Replays a `*.chunks.txt` fixture as SSE bytes, one network chunk per event. */
function replay(fixture: string): ReadableStream<Uint8Array> {
  return replayChunks(fixtureEvents(fixture));
}

async function mapFixture(
  fixture: string,
  options: Partial<ChatStreamPartOptions> = {},
): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  const sink = { enqueue: (part: ChatStreamPart) => parts.push(part) };
  const source = createUpstreamChatPartSource(replay(fixture), {
    index: 0,
    stop: [],
    thinkTags: false,
    maxTokens: undefined,
    ...options,
  });
  source.start(sink);
  for (;;) {
    const next = await source.read();
    if (next.done) break;
    source.push(next.value, sink);
  }
  source.finish(sink);
  return parts;
}

function contentOf(parts: ChatStreamPart[]): string {
  return parts.map((part) => (part.type === 'delta' ? (part.content ?? '') : '')).join('');
}

function reasoningOf(parts: ChatStreamPart[]): string {
  return parts.map((part) => (part.type === 'delta' ? (part.reasoning ?? '') : '')).join('');
}

describe('createChatStreamPartMapper (through createUpstreamChatPartSource)', () => {
  it('cuts a legacy stream at a stop sequence split across two events and keeps the usage', async () => {
    const parts = await mapFixture(stopSplit, { stop: ['END'] });
    expect(contentOf(parts)).toBe('The answer is 42. ');
    expect(parts.filter((part) => part.type === 'finish')).toEqual([
      { type: 'finish', index: 0, finishReason: 'stop', stopSequence: 'END' },
    ]);
    expect(parts.at(-1)).toEqual({
      type: 'usage',
      usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 },
    });
    // The held-back "E" must not leak as content before the finish.
    expect(parts.findIndex((part) => part.type === 'finish')).toBeGreaterThan(
      parts.findLastIndex((part) => part.type === 'delta'),
    );
  });

  it('forwards text untouched when no stop sequence is set, without Cloudflare padding', async () => {
    const parts = await mapFixture(stopSplit);
    expect(contentOf(parts)).toBe('The answer is 42. END of story and more');
    expect(JSON.stringify(parts)).not.toContain('"p"');
  });

  it('reports a stream the upstream cut short as an error, after the usage estimate', async () => {
    const parts = await mapFixture(truncated);
    expect(contentOf(parts)).toBe('Simulated reply');
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    expect(parts.at(-2)?.type).toBe('usage');
    expect(parts.at(-1)).toMatchObject({ type: 'error' });
  });

  it('reports an OpenAI-schema stream cut short the same way, keeping what was already sent', async () => {
    const cut = gptOss.split('\n').slice(0, 4).join('\n');
    const parts = await mapFixture(cut);
    expect(reasoningOf(parts)).toBe('User asks a sum.');
    expect(contentOf(parts)).toBe('2 + 2');
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    expect(parts.at(-1)).toMatchObject({ type: 'error' });
  });

  it('maps a legacy whole tool call to an OpenAI tool_calls delta with an id and JSON arguments', async () => {
    const parts = await mapFixture(legacyTool);
    const delta = parts.find((part) => part.type === 'delta');
    expect(delta).toMatchObject({
      toolCalls: [
        {
          index: 0,
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
        },
      ],
    });
    expect(delta?.type === 'delta' && delta.toolCalls?.[0]?.id).toMatch(/^call_/);
    expect(parts.find((part) => part.type === 'finish')).toMatchObject({ finishReason: 'tool_calls' });
  });

  it('splits <think> reasoning of legacy reasoning models, even with tags split across events', async () => {
    const parts = await mapFixture(qwqThink, { thinkTags: true });
    expect(reasoningOf(parts)).toBe('Two plus two.');
    expect(contentOf(parts)).toBe('The answer is 4.');
  });

  it("maps gpt-oss's reasoning field and keeps the upstream neurons and cached tokens", async () => {
    const parts = await mapFixture(gptOss);
    expect(reasoningOf(parts)).toBe('User asks a sum.');
    expect(contentOf(parts)).toBe('2 + 2 = 4.');
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    expect(parts.at(-1)).toEqual({
      type: 'usage',
      usage: {
        prompt_tokens: 74,
        completion_tokens: 23,
        total_tokens: 97,
        prompt_tokens_details: { cached_tokens: 64 },
        neurons: 1.8033,
      },
    });
  });

  it('finishes glm streams whose finish_reason only arrives with the usage event', async () => {
    const parts = await mapFixture(glm);
    expect(reasoningOf(parts)).toBe('Greeting.');
    expect(contentOf(parts)).toBe('Hello there!');
    expect(parts.find((part) => part.type === 'finish')).toMatchObject({ finishReason: 'stop' });
    expect(parts.at(-1)).toMatchObject({ type: 'usage', usage: { total_tokens: 14 } });
  });

  it('passes OpenAI tool-call fragments through and drops the null finalisation fragment', async () => {
    const parts = await mapFixture(toolFragments);
    const toolDeltas = parts.flatMap((part) => (part.type === 'delta' ? (part.toolCalls ?? []) : []));
    expect(toolDeltas).toEqual([
      {
        index: 0,
        id: 'chatcmpl-tool-3f1e',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
      { index: 0, function: { arguments: '{"city": ' } },
      { index: 0, function: { arguments: '"Paris"}' } },
    ]);
    expect(parts.find((part) => part.type === 'finish')).toMatchObject({ finishReason: 'tool_calls' });
  });

  it('turns an event that is not JSON into an error part', async () => {
    const parts = await mapFixture('data: {"response":"cut\ndata: [DONE]\n');
    expect(parts.some((part) => part.type === 'error')).toBe(true);
  });

  it('reports length when a legacy answer used up max_tokens', async () => {
    const parts = await mapFixture(stopSplit, { maxTokens: 9 });
    expect(parts.find((part) => part.type === 'finish')).toMatchObject({ finishReason: 'length' });
  });
});
