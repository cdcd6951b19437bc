import { describe, expect, it } from 'vitest';
import { type JsonEventStreamItem, parseJsonEventStream } from './parse-json-event-stream';

async function parse(text: string): Promise<JsonEventStreamItem[]> {
  const items: JsonEventStreamItem[] = [];
  for await (const item of parseJsonEventStream(new Response(text).body ?? new ReadableStream()))
    items.push(item);
  return items;
}

describe('parseJsonEventStream', () => {
  it('parses JSON events and recognises [DONE]', async () => {
    const items = await parse('data: {"response":"Hi","p":"xy"}\n\ndata: [DONE]\n\n');
    expect(items).toEqual([{ type: 'data', value: { response: 'Hi', p: 'xy' } }, { type: 'done' }]);
  });

  it('turns an event that is not JSON into a malformed item and keeps going', async () => {
    const items = await parse('data: {"response":\n\ndata: {"response":"ok"}\n\n');
    expect(items).toEqual([
      { type: 'malformed', data: '{"response":' },
      { type: 'data', value: { response: 'ok' } },
    ]);
  });

  it('parses JSON spread over several data lines', async () => {
    const items = await parse('data: {"a":\ndata: 1}\n\n');
    expect(items).toEqual([{ type: 'data', value: { a: 1 } }]);
  });
});
