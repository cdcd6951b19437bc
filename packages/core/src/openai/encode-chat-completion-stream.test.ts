import { describe, expect, it } from 'vitest';
import { replayChunks } from '../testing/replay-chunks';
import type { ChatStreamPart } from './create-chat-completion-stream';
import { encodeChatCompletionStream } from './encode-chat-completion-stream';
import { mergeChatCompletionStreams } from './merge-chat-completion-streams';

async function events(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const text = await new Response(stream).text();
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => block.replace(/^data: /, ''));
}

const framing = {
  kind: 'chat' as const,
  id: 'chatcmpl-1',
  created: 1,
  model: 'm',
  choices: 1,
  includeUsage: true,
};

describe('encodeChatCompletionStream', () => {
  it('frames role, deltas, finish, usage with choices: [] and [DONE], all with one id', async () => {
    let reported: unknown;
    const lines = await events(
      encodeChatCompletionStream(
        replayChunks<ChatStreamPart>([
          { type: 'delta', index: 0, content: 'Hi' },
          { type: 'finish', index: 0, finishReason: 'stop' },
          { type: 'usage', usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3, neurons: 0.1 } },
        ]),
        { ...framing, onUsage: (usage) => (reported = usage) },
      ),
    );
    expect(lines.at(-1)).toBe('[DONE]');
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(chunks.map((chunk) => chunk.id)).toEqual(['chatcmpl-1', 'chatcmpl-1', 'chatcmpl-1', 'chatcmpl-1']);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks[1].choices[0].delta).toEqual({ content: 'Hi' });
    expect(chunks[2].choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(chunks[3]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
    });
    expect(chunks[3].usage).not.toHaveProperty('neurons');
    expect(reported).toMatchObject({ neurons: 0.1 });
  });

  it('ends a failing upstream with an OpenAI error event and [DONE], still reporting usage', async () => {
    let reported: unknown;
    const lines = await events(
      encodeChatCompletionStream(
        replayChunks<ChatStreamPart>([{ type: 'delta', index: 0, content: 'Hello there' }], true),
        {
          ...framing,
          onUsage: (usage) => (reported = usage),
        },
      ),
    );
    expect(reported).toEqual({ prompt_tokens: 0, completion_tokens: 3, total_tokens: 3 });
    expect(lines.at(-1)).toBe('[DONE]');
    expect(JSON.parse(lines.at(-2) ?? '{}')).toMatchObject({
      error: { type: 'api_error', code: 'upstream_error' },
    });
  });

  it('interleaves several choices and sums their usage', async () => {
    const usage = { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 };
    const merged = mergeChatCompletionStreams([
      replayChunks<ChatStreamPart>([
        { type: 'delta', index: 0, content: 'a' },
        { type: 'finish', index: 0, finishReason: 'stop' },
        { type: 'usage', usage },
      ]),
      replayChunks<ChatStreamPart>([
        { type: 'delta', index: 1, content: 'b' },
        { type: 'finish', index: 1, finishReason: 'stop' },
        { type: 'usage', usage },
      ]),
    ]);
    const lines = await events(encodeChatCompletionStream(merged, { ...framing, choices: 2 }));
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(chunks.slice(0, 2).map((chunk) => chunk.choices[0].index)).toEqual([0, 1]);
    expect(chunks.filter((chunk) => chunk.choices[0]?.finish_reason === 'stop')).toHaveLength(2);
    expect(chunks.at(-1).usage).toEqual({ prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 });
  });

  it('cancels the parts when the client goes away', async () => {
    let cancelled = false;
    const source = new ReadableStream<ChatStreamPart>({
      pull() {},
      cancel() {
        cancelled = true;
      },
    });
    const stream = encodeChatCompletionStream(source, framing);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
  });
});
