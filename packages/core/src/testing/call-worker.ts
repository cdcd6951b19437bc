import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';

/** A Worker's default export, as its tests call it. */
export interface TestableWorker {
  fetch(request: Request, env: never, context: ExecutionContext): unknown;
}

/**
 * Sends one request to a Worker's fetch handler as the runtime would, and waits for its
 * background work (`ctx.waitUntil`: ledger charges, cache stores) before answering.
 */
export async function callWorker(
  worker: TestableWorker,
  request: Request,
  environment: object,
): Promise<Response> {
  const context = createExecutionContext();
  const response = (await worker.fetch(request, environment as never, context)) as Response;
  await waitOnExecutionContext(context);
  return response;
}
