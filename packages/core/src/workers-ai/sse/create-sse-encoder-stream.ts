import { encodeSseEvent } from './encode-sse-event';

/** A stream stage that encodes each value written to it as one SSE event (see `encodeSseEvent`). */
export function createSseEncoderStream(): TransformStream<unknown, Uint8Array> {
  return new TransformStream({
    transform(value, controller) {
      controller.enqueue(encodeSseEvent(value));
    },
  });
}
