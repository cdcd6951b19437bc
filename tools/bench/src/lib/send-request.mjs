// One HTTP request with node:http (raw paths and bytes, no URL normalisation), timed to the first
// byte and to the first SSE event that carries text, and bounded by a timeout.
import http from 'node:http';

// workerd closes a kept-alive connection when a Worker answered without reading the request
// body (a 401 or 413 before the body, the simulator's control routes), and a client that reuses
// it at that moment sees ECONNRESET. The bench (valid requests, bodies always read) keeps
// connections alive to spare CPU; the reliability suites open one connection per request.
// Idle sockets are dropped after 2 s, well before workerd closes idle connections (~5 s), so that
// a socket is never reused just as the server closes it.
const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 2000 });

/**
 * Sends a request to `origin` + `path` exactly as given. Resolves, never rejects, with
 * `{status, headers, body, text, ttfbMs, firstTokenMs, totalMs, timedOut, error}`:
 * - `firstTokenMs`: when the first SSE `data:` event for which `isToken(data)` holds arrived;
 * - `timedOut`: the response did not end within `timeoutMs` (the socket is then destroyed).
 * `keepAlive` reuses connections (the bench); by default each request has its own.
 */
export async function sendRequest(origin, options) {
  const result = await sendOnce(origin, options);
  // A kept-alive socket that workerd closed while it sat in the pool fails before any answer
  // (workerd, busy with a saturated isolate, drops connections it cannot serve in time); an HTTP
  // client retries that on a new connection, as undici and browsers do.
  if (result.staleSocket) {
    const retried = await sendOnce(origin, { ...options, keepAlive: false });
    return { ...retried, retriedOnFreshConnection: true };
  }
  return result;
}

function sendOnce(
  origin,
  { method = 'GET', path = '/', headers = {}, body, timeoutMs = 10_000, isToken, keepAlive = false },
) {
  const url = new URL(origin);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ totalMs: performance.now() - started, ...result });
    };
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    let request;
    try {
      request = http.request({
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent: keepAlive ? keepAliveAgent : false,
        headers: payload === undefined ? headers : { 'content-length': payload.length, ...headers },
      });
    } catch (error) {
      // node:http refuses some paths and headers before sending (e.g. control characters).
      resolve({
        status: 0,
        error: `not sendable: ${error instanceof Error ? error.message : String(error)}`,
        notSendable: true,
        totalMs: 0,
      });
      return;
    }
    const timer = setTimeout(() => {
      request.destroy(new Error('timeout'));
      finish({ status: 0, timedOut: true, error: `no complete response within ${timeoutMs} ms` });
    }, timeoutMs);
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const ttfbMs = performance.now() - started;
      const chunks = [];
      let firstTokenMs;
      let pending = '';
      response.on('data', (chunk) => {
        chunks.push(chunk);
        if (isToken && firstTokenMs === undefined) {
          pending += chunk.toString('utf8');
          let boundary = pending.search(/\r?\n\r?\n/);
          while (boundary >= 0 && firstTokenMs === undefined) {
            const event = pending.slice(0, boundary);
            pending = pending.slice(boundary).replace(/^\r?\n\r?\n/, '');
            const data = event
              .split(/\r?\n/)
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            if (data && isToken(data)) firstTokenMs = performance.now() - started;
            boundary = pending.search(/\r?\n\r?\n/);
          }
        }
      });
      response.on('end', () => {
        const buffer = Buffer.concat(chunks);
        finish({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: buffer,
          text: buffer.toString('utf8'),
          ttfbMs,
          firstTokenMs,
        });
      });
      response.on('error', (error) => finish({ status: 0, error: `response broke: ${error.message}` }));
      response.on('aborted', () => finish({ status: 0, error: 'response aborted' }));
    });
    request.on('error', (error) =>
      finish({
        status: 0,
        error: `request failed: ${error.message}`,
        staleSocket: keepAlive && !answered && request.reusedSocket,
      }),
    );
    request.end(payload);
  });
}

/** Runs `task(index)` for index 0..count-1 with at most `concurrency` at once; results in order. */
export async function runConcurrently(count, concurrency, task) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** The p-th percentile (0-100) of numbers, nearest-rank. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
