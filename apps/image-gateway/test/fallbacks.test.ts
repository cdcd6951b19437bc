import { afterEach, describe, expect, it } from 'vitest';
import { bindingEnv, call, simulator } from './helpers';

const FLUX = '@cf/black-forest-labs/flux-1-schnell';
const LIGHTNING = '@cf/bytedance/stable-diffusion-xl-lightning';

function post(path: string, body: unknown): [string, RequestInit] {
  return [
    path,
    {
      method: 'POST',
      headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
  ];
}

afterEach(() => simulator.reset());

describe('image fallback chains', () => {
  it('answers dall-e-3 with SDXL-Lightning when FLUX is busy, and says so', async () => {
    simulator.injectFault({ kind: 'busy', model: FLUX, ms: 10_000 });
    const response = await call(
      ...post('/v1/images/generations', {
        model: 'dall-e-3',
        prompt: 'a red fox',
        response_format: 'b64_json',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${FLUX} -> ${LIGHTNING} (busy)`);
    const body = (await response.json()) as { data: { b64_json: string }[]; output_format: string };
    expect(body.data).toHaveLength(1);
    // SDXL makes PNGs; FLUX would have made a JPEG.
    expect(body.output_format).toBe('png');
    expect(simulator.calls.map((entry) => [entry.model, entry.rejectIfBusy])).toEqual([
      [FLUX, true],
      // The last model of the chain waits in the queue if it must: there is nothing else to try.
      [LIGHTNING, undefined],
    ]);
  });

  it('falls back the image chat trick when it is not streamed, naming the model used', async () => {
    simulator.injectFault({ kind: 'removed', model: FLUX });
    const response = await call(
      ...post('/v1/chat/completions', {
        model: 'dall-e-3',
        messages: [{ role: 'user', content: 'a red fox' }],
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${FLUX} -> ${LIGHTNING} (removed)`);
    const body = (await response.json()) as { model: string; choices: { message: { content: string } }[] };
    expect(body.model).toBe(LIGHTNING);
    expect(body.choices[0]?.message.content).toMatch(/^!\[a red fox\]\(https:\/\/image\.test\/images\//);
  });

  it('does not fall back the default model, an exact ID, unless MODEL_FALLBACKS names it', async () => {
    simulator.injectFault({ kind: 'status', code: 3040, model: FLUX, times: 4 });
    const plain = await call(
      ...post('/v1/images/generations', { prompt: 'a red fox', response_format: 'b64_json' }),
    );
    expect(plain.status).toBe(503);
    const environment = bindingEnv({ MODEL_FALLBACKS: JSON.stringify({ [FLUX]: [LIGHTNING] }) });
    const chained = await call(
      ...post('/v1/images/generations', { prompt: 'a red fox', response_format: 'b64_json' }),
      environment,
    );
    expect(chained.status).toBe(200);
    expect(chained.headers.get('x-model-fallback')).toBe(`${FLUX} -> ${LIGHTNING} (busy)`);
  });
});

describe('incomplete images', () => {
  it('never serves an image cut short: the next model of the chain answers, else a 502', async () => {
    simulator.injectFault({ kind: 'truncate', model: LIGHTNING, times: 2 });
    const response = await call(
      ...post('/v1/images/generations', {
        model: 'dall-e-2',
        prompt: 'a red fox',
        response_format: 'b64_json',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${LIGHTNING} -> ${FLUX} (upstream error)`);
    simulator.reset();
    simulator.injectFault({ kind: 'truncate', times: 4 });
    const broken = await call(
      ...post('/v1/images/generations', {
        model: 'dall-e-2',
        prompt: 'a red fox',
        response_format: 'b64_json',
      }),
    );
    expect(broken.status).toBe(502);
  });
});
