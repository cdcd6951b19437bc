import { describe, expect, it } from 'vitest';
import { replayChunks } from '../testing/replay-chunks';
import utf8Fixture from './__fixtures__/legacy-utf8.chunks.txt?raw';
import { chunkFixtureBytes } from './__fixtures__/render-chat-stream-goldens';
import type { ChatStreamPart } from './chat-stream-part';
import { createUpstreamChatPartSource } from './create-upstream-chat-part-source';

const encoder = new TextEncoder();

/** The parts the source makes of `chunks`, read as the event stream reads them. */
async function partsOf(chunks: Uint8Array[]): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  const sink = { enqueue: (part: ChatStreamPart) => parts.push(part) };
  const source = createUpstreamChatPartSource(replayChunks(chunks), {
    index: 0,
    stop: [],
    thinkTags: false,
    maxTokens: undefined,
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

const textOf = (parts: ChatStreamPart[]) =>
  parts.map((part) => (part.type === 'delta' ? (part.content ?? '') : '')).join('');

describe('createUpstreamChatPartSource', () => {
  const bytes = chunkFixtureBytes(utf8Fixture);

  it('gives the same parts whatever byte offset the stream is split at', async () => {
    const whole = await partsOf([bytes]);
    expect(textOf(whole)).toBe(' can provide héllo 🌍');
    expect(whole.at(-1)).toEqual({ type: 'finish', index: 0, finishReason: 'stop' });
    for (let offset = 1; offset < bytes.length; offset++) {
      expect(await partsOf([bytes.subarray(0, offset), bytes.subarray(offset)])).toEqual(whole);
    }
  });

  it('survives one byte per chunk, including multi-byte UTF-8 characters', async () => {
    const parts = await partsOf(Array.from(bytes, (byte) => Uint8Array.of(byte)));
    expect(textOf(parts)).toBe(' can provide héllo 🌍');
  });

  it('handles CRLF and bare CR line endings, including a CR split from its LF and a last bare CR', async () => {
    const events = (ending: string) =>
      `data: {"response":"a"}${ending}${ending}data: {"response":"b"}${ending}${ending}data: [DONE]${ending}${ending}`;
    expect(textOf(await partsOf([encoder.encode(events('\r\n'))]))).toBe('ab');
    expect(textOf(await partsOf([encoder.encode(events('\r'))]))).toBe('ab');
    const split = events('\r\n');
    const parts = await partsOf([encoder.encode(split.slice(0, 21)), encoder.encode(split.slice(21))]);
    expect(textOf(parts)).toBe('ab');
    expect(parts.at(-1)).toEqual({ type: 'finish', index: 0, finishReason: 'stop' });
  });

  it('joins multi-line data, ignores comments, and drops an event cut off before its blank line', async () => {
    const parts = await partsOf([
      encoder.encode(
        ': keep-alive\n\ndata: {"response":\ndata: "one"}\n\n: another\ndata: {"response":"cut"}',
      ),
    ]);
    expect(textOf(parts)).toBe('one');
    // No [DONE] and no finish reason: the stream was cut, which is an error, not a finish.
    expect(parts.at(-1)).toMatchObject({ type: 'error' });
  });

  it('makes an event that is not JSON an error part and keeps reading', async () => {
    const parts = await partsOf([
      encoder.encode('data: {"response":"x"}\n\ndata: {oops\n\ndata: [DONE]\n\n'),
    ]);
    expect(parts.some((part) => part.type === 'error')).toBe(true);
  });
});
