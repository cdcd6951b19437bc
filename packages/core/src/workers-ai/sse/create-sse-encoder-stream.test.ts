import { describe, expect, it } from 'vitest';
import { createSseEncoderStream } from './create-sse-encoder-stream';
import { parseJsonEventStream } from './parse-json-event-stream';

describe('createSseEncoderStream', () => {
  it('round-trips through the decoder', async () => {
    const values = new ReadableStream<unknown>({
      start(controller) {
        controller.enqueue({ id: 1 });
        controller.enqueue('[DONE]');
        controller.close();
      },
    });
    const items = [];
    for await (const item of parseJsonEventStream(values.pipeThrough(createSseEncoderStream())))
      items.push(item);
    expect(items).toEqual([{ type: 'data', value: { id: 1 } }, { type: 'done' }]);
  });
});
