import type { GatewayLedger } from './ledger-for';

/** Where `chargeWhenDone` books a stream's neurons. */
export interface StreamChargeOptions {
  ledger: Pick<GatewayLedger, 'charge'>;
  route: string;
  model: string;
  /** Keeps the charge alive after the response ends (the ledger's own `ctx` does too, if it has one). */
  ctx?: Pick<ExecutionContext, 'waitUntil'>;
}

/**
 * Passes `stream` through unchanged and charges the ledger once it is over: when it ends, when
 * the client disconnects (cancel) or when the upstream fails mid-way. `computeNeurons` is called
 * at that moment, so it can read what the gateway's mapping transform recorded (the usage event,
 * or the tokens produced so far for a cancelled stream). Put it last in the pipeline, just
 * before the response body, so every earlier transform has flushed when it runs:
 *
 * ```ts
 * let usage = { inputTokens: 0, outputTokens: 0 };  // updated by the mapping transform
 * const body = chargeWhenDone(
 *   upstream.body.pipeThrough(mapEvents((seen) => { usage = seen; })).pipeThrough(createSseEncoderStream()),
 *   () => estimateNeurons(model, usage),
 *   { ledger, route: 'chat.completions', model, ctx },
 * );
 * return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
 * ```
 */
export function chargeWhenDone<T>(
  stream: ReadableStream<T>,
  computeNeurons: () => number,
  options: StreamChargeOptions,
): ReadableStream<T> {
  let charged = false;
  const settle = () => {
    if (charged) return;
    charged = true;
    let neurons: number;
    try {
      neurons = computeNeurons();
    } catch (error) {
      // A bug in the gateway's accounting must not break a stream the client already has.
      const detail = error instanceof Error ? error.message : String(error);
      console.error(JSON.stringify({ ledger: 'chargeWhenDone', error: detail.slice(0, 300) }));
      return;
    }
    const booked = options.ledger.charge(options.route, options.model, neurons);
    options.ctx?.waitUntil(booked);
  };
  return stream.pipeThrough(
    new TransformStream<T, T>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
      },
      flush: settle,
      // Called on the client's cancel and, when the upstream errors, on the pipe's abort.
      cancel: settle,
    }),
  );
}
