import { describe, expect, it } from 'vitest';
import type { ChatStreamPart } from './chat-stream-part';
import {
  type ChatCompletionStreamFraming,
  createChatCompletionFramer,
} from './create-chat-completion-framer';

/** Frames `parts` as a stream would, `failed`: as if the upstream broke off after them. */
function frame(parts: ChatStreamPart[], framing: ChatCompletionStreamFraming, failed = false): string {
  const framer = createChatCompletionFramer(framing);
  let text = framer.start();
  for (const part of parts) text += framer.part(part);
  return text + (failed ? framer.fail('The connection to Workers AI failed.') : framer.end());
}

function events(text: string): string[] {
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

describe('createChatCompletionFramer', () => {
  it('frames role, deltas, finish, usage with choices: [] and [DONE], all with one id', async () => {
    let reported: unknown;
    const lines = events(
      frame(
        [
          { type: 'delta', index: 0, content: 'Hi' },
          { type: 'finish', index: 0, finishReason: 'stop' },
          { type: 'usage', usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3, neurons: 0.1 } },
        ],
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
    const lines = events(
      frame(
        [{ type: 'delta', index: 0, content: 'Hello there' }],
        { ...framing, onUsage: (usage) => (reported = usage) },
        true,
      ),
    );
    expect(reported).toEqual({ prompt_tokens: 0, completion_tokens: 3, total_tokens: 3 });
    expect(lines.at(-1)).toBe('[DONE]');
    expect(JSON.parse(lines.at(-2) ?? '{}')).toMatchObject({
      error: { type: 'api_error', code: 'upstream_error' },
    });
  });

  it('frames a role chunk and a finish chunk per choice and sums the usage of every call', () => {
    const usage = { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 };
    const lines = events(
      frame(
        [
          { type: 'delta', index: 0, content: 'a' },
          { type: 'delta', index: 1, content: 'b' },
          { type: 'finish', index: 1, finishReason: 'stop' },
          { type: 'usage', usage },
          { type: 'finish', index: 0, finishReason: 'length' },
          { type: 'usage', usage },
        ],
        { ...framing, choices: 2 },
      ),
    );
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(chunks.slice(0, 2).map((chunk) => chunk.choices[0].delta.role)).toEqual([
      'assistant',
      'assistant',
    ]);
    expect(chunks.slice(0, 2).map((chunk) => chunk.choices[0].index)).toEqual([0, 1]);
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean)).toEqual([
      'stop',
      'length',
    ]);
    expect(chunks.at(-1).usage).toEqual({ prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 });
  });

  it('frames nothing after an error part, and reports usage once', () => {
    const reported: unknown[] = [];
    const framer = createChatCompletionFramer({ ...framing, onUsage: (usage) => reported.push(usage) });
    framer.start();
    const failed = framer.part({ type: 'error', message: 'bad event' });
    expect(events(failed).at(-1)).toBe('[DONE]');
    expect(framer.ended).toBe(true);
    expect(framer.part({ type: 'delta', index: 0, content: 'late' })).toBe('');
    expect(framer.end()).toBe('');
    framer.report();
    expect(reported).toHaveLength(1);
  });
});
