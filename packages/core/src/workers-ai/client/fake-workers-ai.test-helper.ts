import { mapErrorStatus } from '@workers-ai-gateways/workers-ai-sim';

// A small stand-in shaped like @workers-ai-gateways/workers-ai-sim's API, for behaviour the
// simulator does not produce on demand: the JSON-for-stream quirk, an upstream quoting the token,
// request URLs and headers. Statuses come from the simulator's own table (the upstream side);
// messages follow reference/workers-ai-facts.md.

const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0);
const MP3 = Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0);
const SSE =
  'data: {"response":"Hi","p":"abc"}\n\ndata: {"response":"","usage":{"total_tokens":3}}\n\ndata: [DONE]\n\n';

export interface FakeCall {
  model: string;
  inputs: unknown;
  via: 'rest' | 'binding';
  gatewayId?: string;
  url?: string;
  authorization?: string | null;
}

/** Creates the fake; `injectFault({ kind: 'status', code, times })` fails the next calls. */
export function createFakeWorkersAi() {
  const faults: Array<{ code: number; times: number; message?: string }> = [];
  const calls: FakeCall[] = [];

  function takeFault() {
    const fault = faults[0];
    if (fault === undefined) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) faults.shift();
    return fault;
  }

  function message(code: number, override?: string): string {
    if (override !== undefined) return override;
    if (code === 4006 || code === 3036)
      return 'you have used up your daily free allocation of 10,000 neurons';
    if (code === 8007)
      return JSON.stringify({ object: 'error', message: 'vLLM says no', type: 'BadRequestError' });
    if (code === 500) return 'Unknown internal error';
    return `failure ${code}`;
  }

  function output(
    model: string,
    stream: boolean,
  ): { kind: 'json'; value: unknown } | { kind: 'bytes'; bytes: Uint8Array; type: string } | { kind: 'sse' } {
    if (model.includes('stable-diffusion')) return { kind: 'bytes', bytes: PNG, type: 'image/png' };
    if (model.includes('aura')) return { kind: 'bytes', bytes: MP3, type: 'audio/mpeg' };
    if (stream && !model.includes('json-only')) return { kind: 'sse' };
    return { kind: 'json', value: { response: 'ok', usage: { total_tokens: 3, neurons: 1.5 } } };
  }

  return {
    calls,
    injectFault(fault: { kind: 'status'; code: number; times?: number; message?: string }) {
      faults.push({ code: fault.code, times: fault.times ?? 1, message: fault.message });
    },
    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const match =
        /^\/client\/v4\/accounts\/[^/]+\/ai\/run\/(.+)$/.exec(url.pathname) ??
        /^\/v1\/[^/]+\/([^/]+)\/workers-ai\/(.+)$/.exec(url.pathname);
      if (match === null) return new Response('not found', { status: 404 });
      const gatewayId = match.length === 3 ? match[1] : undefined;
      const model = (match.length === 3 ? match[2] : match[1]) ?? '';
      const contentType = request.headers.get('content-type') ?? '';
      const inputs = contentType.includes('json') ? await request.json() : await request.arrayBuffer();
      const authorization = request.headers.get('authorization');
      calls.push({
        model,
        inputs,
        via: 'rest',
        url: request.url,
        authorization,
        ...(gatewayId ? { gatewayId } : {}),
      });
      const envelope = (code: number, text: string) =>
        Response.json(
          {
            result: null,
            success: false,
            errors: [{ code, message: code === 10000 ? text : `AiError: ${text}` }],
            messages: [],
          },
          { status: mapErrorStatus(code), headers: code === 429 ? { 'retry-after': '0' } : {} },
        );
      if (authorization === 'Bearer sim-bad-token') return envelope(10000, 'Authentication error');
      const fault = takeFault();
      if (fault !== undefined) return envelope(fault.code, message(fault.code, fault.message));
      const stream =
        typeof inputs === 'object' && inputs !== null && (inputs as { stream?: unknown }).stream === true;
      const result = output(model, stream);
      if (result.kind === 'sse')
        return new Response(SSE, { headers: { 'content-type': 'text/event-stream' } });
      if (result.kind === 'bytes')
        return new Response(result.bytes, { headers: { 'content-type': result.type } });
      return Response.json({ result: result.value, success: true, errors: [], messages: [] });
    },
    binding: {
      async run(model: string, inputs: unknown, options?: Record<string, unknown>): Promise<unknown> {
        const gateway = options?.gateway as { id?: string } | undefined;
        calls.push({ model, inputs, via: 'binding', ...(gateway?.id ? { gatewayId: gateway.id } : {}) });
        const fault = takeFault();
        if (fault !== undefined) throw new Error(`${fault.code}: ${message(fault.code, fault.message)}`);
        const stream =
          typeof inputs === 'object' && inputs !== null && (inputs as { stream?: unknown }).stream === true;
        const result = output(model, stream);
        if (result.kind === 'sse') return new Response(SSE).body;
        if (result.kind === 'bytes') return new Response(result.bytes).body;
        // Quirk under test: asked to stream, a model may still answer JSON (as a stream of JSON bytes).
        if (stream) return new Response(JSON.stringify(result.value)).body;
        return result.value;
      },
    },
  };
}
