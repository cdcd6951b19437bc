import { describe, expect, it } from 'vitest';
import { replayChunks } from '../../testing/replay-chunks';
import fixture from './__fixtures__/legacy-stream.chunks.txt?raw';
import { decodeSseStream, type SseEvent } from './decode-sse-stream';

const encoder = new TextEncoder();

async function decode(chunks: Uint8Array[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of decodeSseStream(replayChunks(chunks))) events.push(event);
  return events;
}

const fixtureLines = fixture.split('\n').filter((line) => line !== '');
const fixtureBytes = encoder.encode(fixtureLines.map((line) => `${line}\n\n`).join(''));
const fixtureData = fixtureLines.map((line) => line.slice('data: '.length));

describe('decodeSseStream', () => {
  it('decodes a recorded Workers AI stream', async () => {
    const events = await decode([fixtureBytes]);
    expect(events.map((event) => event.data)).toEqual(fixtureData);
  });

  it('gives the same events whatever byte offset the stream is split at', async () => {
    for (let offset = 1; offset < fixtureBytes.length; offset++) {
      const events = await decode([fixtureBytes.subarray(0, offset), fixtureBytes.subarray(offset)]);
      expect(events.map((event) => event.data)).toEqual(fixtureData);
    }
  });

  it('survives one byte per chunk, including multi-byte UTF-8 characters', async () => {
    const chunks = Array.from(fixtureBytes, (byte) => Uint8Array.of(byte));
    const events = await decode(chunks);
    expect(events[1]?.data).toBe('{"response":" héllo 🌍","p":"abc"}');
  });

  it('handles CRLF and bare CR line endings, including a CR split from its LF', async () => {
    expect(await decode([encoder.encode('data: a\r\n\r\ndata: b\r\n\r\n')])).toEqual([
      { data: 'a' },
      { data: 'b' },
    ]);
    expect(await decode([encoder.encode('data: a\r\rdata: b\r\r')])).toEqual([{ data: 'a' }, { data: 'b' }]);
    expect(await decode([encoder.encode('data: a\r'), encoder.encode('\n\r'), encoder.encode('\n')])).toEqual(
      [{ data: 'a' }],
    );
  });

  it('joins multi-line data with \\n and keeps event and id fields', async () => {
    const events = await decode([
      encoder.encode('event: message\nid: 7\ndata: line one\ndata: line two\n\n'),
    ]);
    expect(events).toEqual([{ event: 'message', id: '7', data: 'line one\nline two' }]);
  });

  it('ignores comments and drops an event cut off before its blank line', async () => {
    const events = await decode([encoder.encode(': keep-alive\n\ndata: kept\n\n: another\ndata: cut')]);
    expect(events).toEqual([{ data: 'kept' }]);
  });
});
