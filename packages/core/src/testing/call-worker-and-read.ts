import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import type { TestableWorker } from './call-worker';

/**
 * Like `callWorker`, but reads the whole body before waiting for the Worker's background work:
 * a stream's usage is charged only once its last byte is sent, so ledger tests read first.
 */
export async function callWorkerAndRead(
  worker: TestableWorker,
  request: Request,
  environment: object,
): Promise<{ response: Response; text: string }> {
  const context = createExecutionContext();
  const response = (await worker.fetch(request, environment as never, context)) as Response;
  const text = await response.text();
  await waitOnExecutionContext(context);
  return { response, text };
}
