/** How a stream misbehaves, from injected faults. */
export interface StreamBehaviour {
  delayMs: number;
  /** End after this many events, with no usage event and no `[DONE]`. */
  truncateAfter?: number;
  /** Error the stream at the cut instead of closing it, as the binding's stream does on a dropped connection. */
  errorOnTruncate: boolean;
  /** Replace the first event's JSON by a cut-off fragment that does not parse. */
  malformed: boolean;
}

/** SSE bytes (`data: …` and a blank line per event) for the payloads, paced and faulted as asked. */
export function createEventStream(events: string[], behaviour: StreamBehaviour): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (behaviour.truncateAfter !== undefined && index >= behaviour.truncateAfter) {
        if (behaviour.errorOnTruncate) controller.error(new Error('Network connection lost.'));
        else controller.close();
        return;
      }
      const event = events[index];
      if (event === undefined) {
        controller.close();
        return;
      }
      if (index > 0 && behaviour.delayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      }
      const payload =
        behaviour.malformed && index === 0 ? event.slice(0, Math.ceil(event.length / 2)) : event;
      controller.enqueue(encoder.encode(`data: ${payload}\n\n`));
      index += 1;
    },
  });
}
