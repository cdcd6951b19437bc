// Measures one Worker on one request shape: latency at concurrency 1 and 32, throughput, time to
// first token, and the CPU time its workerd process spent per request.
import { cpuMilliseconds, rssBytes } from 'tools-harness/proc-stats';
import { percentile, runConcurrently, sendRequest } from './send-request.mjs';

/**
 * Sends `counts.warmup` requests, then `counts.c1` one at a time, then `counts.c32` at
 * concurrency 32. `check(response)` returns a problem string or nothing; failed requests are
 * counted and their first problems kept.
 */
export async function measureWorker({ url, pid }, makeRequest, check, counts, timeoutMs = 30_000) {
  const failures = [];
  let retries = 0;
  const send = async (index) => {
    const response = await sendRequest(url, { ...makeRequest(index), timeoutMs, keepAlive: true });
    const problem =
      response.status === 200
        ? check?.(response)
        : `status ${response.status} ${response.error ?? ''} ${(response.text ?? '').slice(0, 160)}`;
    if (problem !== undefined) failures.push(problem);
    if (response.retriedOnFreshConnection) retries += 1;
    return response;
  };
  let index = 0;
  for (let warm = 0; warm < counts.warmup; warm++) await send(index++);

  const cpuBefore = cpuMilliseconds(pid);
  const sequential = [];
  for (let request = 0; request < counts.c1; request++) sequential.push(await send(index++));
  const cpuAfterSequential = cpuMilliseconds(pid);

  const offset = index;
  const startedConcurrent = performance.now();
  const concurrent = await runConcurrently(counts.c32, 32, (request) => send(offset + request));
  const concurrentSeconds = (performance.now() - startedConcurrent) / 1000;
  const cpuAfter = cpuMilliseconds(pid);

  const latencies = (responses) => responses.map((response) => response.totalMs);
  const tokens = sequential.map((response) => response.firstTokenMs).filter((value) => value !== undefined);
  return {
    requests: counts.c1 + counts.c32,
    failures: failures.length,
    failureSamples: [...new Set(failures)].slice(0, 3),
    retriedOnFreshConnection: retries,
    cpuMsPerRequest: (cpuAfter - cpuBefore) / (counts.c1 + counts.c32),
    cpuMsPerRequestC1: (cpuAfterSequential - cpuBefore) / counts.c1,
    cpuMsPerRequestC32: (cpuAfter - cpuAfterSequential) / counts.c32,
    c1: { p50: percentile(latencies(sequential), 50), p99: percentile(latencies(sequential), 99) },
    c32: { p50: percentile(latencies(concurrent), 50), p99: percentile(latencies(concurrent), 99) },
    requestsPerSecond: counts.c32 / concurrentSeconds,
    firstTokenMs:
      tokens.length > 0 ? { p50: percentile(tokens, 50), p99: percentile(tokens, 99) } : undefined,
    rssBytes: rssBytes(pid),
  };
}
