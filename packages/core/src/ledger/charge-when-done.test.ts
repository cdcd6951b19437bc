import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';
import { describe, expect, it } from 'vitest';
import { estimateNeurons } from '../workers-ai/catalog/estimate-neurons';
import { createWorkersAiClient } from '../workers-ai/client/create-workers-ai-client';
import { type JsonEventStreamItem, parseJsonEventStream } from '../workers-ai/sse/parse-json-event-stream';
import { chargeWhenDone } from './charge-when-done';
import { configWithBudget, testEnv, uniqueLedgerName } from './ledger.test-helper';
import { ledgerFor } from './ledger-for';

const MODEL = '@cf/meta/llama-3.1-8b-instruct-fast';

/** A gateway-like mapping step: forwards events and remembers the usage the upstream reported. */
function recordUsage(onUsage: (usage: { inputTokens: number; outputTokens: number }) => void) {
  return new TransformStream<JsonEventStreamItem, JsonEventStreamItem>({
    transform(item, controller) {
      if (item.type === 'data' && typeof item.value === 'object' && item.value !== null) {
        const usage = (item.value as { usage?: { prompt_tokens?: number; completion_tokens?: number } })
          .usage;
        if (usage?.prompt_tokens !== undefined && usage.completion_tokens !== undefined) {
          onUsage({ inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens });
        }
      }
      controller.enqueue(item);
    },
  });
}

/** A stream of `count` numbered chunks, then either the end or an error. */
function numbers(count: number, ending: 'close' | 'error' = 'close'): ReadableStream<number> {
  let next = 0;
  return new ReadableStream<number>({
    pull(controller) {
      if (next < count) {
        controller.enqueue(next);
        next += 1;
      } else if (ending === 'close') {
        controller.close();
      } else {
        controller.error(new Error('upstream broke mid-stream'));
      }
    },
  });
}

function ledgerWithContext(label: string) {
  const ctx = createExecutionContext();
  const name = uniqueLedgerName(label);
  const ledger = ledgerFor({ NEURON_LEDGER: testEnv.NEURON_LEDGER }, configWithBudget(10_000), { ctx, name });
  return { ctx, ledger };
}

describe('chargeWhenDone', () => {
  it("charges a finished stream from the upstream's usage event: the simulator's own count", async () => {
    const simulator = createSimulator();
    const client = createWorkersAiClient({ mode: 'binding', binding: simulator.binding });
    const result = await client.run(
      MODEL,
      { messages: [{ role: 'user', content: 'Hello [[tokens=30]]' }] },
      { stream: true },
    );
    if (result.kind !== 'stream') throw new Error('expected a stream');
    const { ctx, ledger } = ledgerWithContext('sim-stream');
    let usage = { inputTokens: 0, outputTokens: 0 };
    const body = chargeWhenDone(
      parseJsonEventStream(result.body).pipeThrough(recordUsage((seen) => (usage = seen))),
      () => estimateNeurons(MODEL, usage),
      { ledger, route: 'chat.completions', model: MODEL },
    );
    const items: JsonEventStreamItem[] = [];
    for await (const item of body) items.push(item);
    expect(items.at(-1)).toEqual({ type: 'done' });
    expect(usage.outputTokens).toBe(30);
    await waitOnExecutionContext(ctx);
    const booked = await ledger.usage();
    expect(booked.routes['chat.completions']).toBeCloseTo(simulator.neuronsUsed(), 6);
    expect(booked.models[MODEL]).toBeCloseTo(estimateNeurons(MODEL, usage), 6);
  });

  it('passes every chunk through unchanged and charges once when the stream ends', async () => {
    const { ctx, ledger } = ledgerWithContext('ends');
    let seen = 0;
    let computed = 0;
    const body = chargeWhenDone(
      numbers(5).pipeThrough(
        new TransformStream<number, number>({
          transform(chunk, controller) {
            seen += 1;
            controller.enqueue(chunk);
          },
        }),
      ),
      () => {
        computed += 1;
        return seen * 0.5;
      },
      { ledger, route: 'completions', model: '@cf/a' },
    );
    const chunks: number[] = [];
    for await (const chunk of body) chunks.push(chunk);
    expect(chunks).toEqual([0, 1, 2, 3, 4]);
    await waitOnExecutionContext(ctx);
    expect(computed).toBe(1);
    expect(await ledger.usage()).toMatchObject({ used: 2.5, routes: { completions: 2.5 } });
  });

  it('charges what was produced when the client cancels', async () => {
    const { ctx, ledger } = ledgerWithContext('cancel');
    let produced = 0;
    const body = chargeWhenDone(
      numbers(1000).pipeThrough(
        new TransformStream<number, number>({
          transform(chunk, controller) {
            produced += 1;
            controller.enqueue(chunk);
          },
        }),
      ),
      () => produced,
      { ledger, route: 'chat.completions', model: '@cf/a', ctx },
    );
    const reader = body.getReader();
    for (let read = 0; read < 3; read += 1) await reader.read();
    await reader.cancel(new Error('client went away'));
    await waitOnExecutionContext(ctx);
    const usage = await ledger.usage();
    // Whatever the pipe had produced when the client left is charged, and nothing after it.
    expect(produced).toBeGreaterThanOrEqual(3);
    expect(produced).toBeLessThan(1000);
    expect(usage.used).toBe(produced);
  });

  it('charges what was produced when the upstream fails mid-stream', async () => {
    const { ctx, ledger } = ledgerWithContext('error');
    let produced = 0;
    const body = chargeWhenDone(
      numbers(4, 'error').pipeThrough(
        new TransformStream<number, number>({
          transform(chunk, controller) {
            produced += 1;
            controller.enqueue(chunk);
          },
        }),
      ),
      () => produced * 2,
      { ledger, route: 'chat.completions', model: '@cf/a' },
    );
    const reader = body.getReader();
    await expect(
      (async () => {
        for (;;) {
          const { done } = await reader.read();
          if (done) return;
        }
      })(),
    ).rejects.toThrow('upstream broke mid-stream');
    await waitOnExecutionContext(ctx);
    expect((await ledger.usage()).used).toBe(8);
  });
});
