import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindingEnv, call, customSize, imageSize, openAiClient, simulator } from './helpers';

const restEnv = bindingEnv({
  AI: undefined,
  UPSTREAM_MODE: 'rest',
  CF_ACCOUNT_ID: 'acct',
  CF_API_TOKEN: 'tok',
  CF_API_BASE: 'http://sim.test/client/v4',
  PUBLIC_IMAGE_BASE_URL: 'https://cdn.example.com/',
});

beforeEach(() => {
  simulator.reset();
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    simulator.fetch(new Request(input, init)),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('UPSTREAM_MODE=rest', () => {
  it('generates SD PNG bytes, flux base64 and FLUX.2 multipart over the REST API, with custom-domain URLs', async () => {
    const client = openAiClient(restEnv);
    const sd = await client.images.generate({
      model: '@cf/stabilityai/stable-diffusion-xl-base-1.0',
      prompt: 'over rest',
      size: customSize('384x256'),
    });
    const url = sd.data?.[0]?.url ?? '';
    expect(url).toMatch(/^https:\/\/cdn\.example\.com\/images\/\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{64}\.png$/);
    // The custom domain serves the bucket; the same key is served by the gateway too.
    const served = await call(new URL(url).pathname);
    expect(imageSize(new Uint8Array(await served.arrayBuffer()))).toEqual({
      type: 'png',
      width: 384,
      height: 256,
    });

    const flux = await client.images.generate({ prompt: 'flux over rest', response_format: 'b64_json' });
    expect(flux.data?.[0]?.b64_json).toMatch(/^\/9j\//);

    const flux2 = await client.images.generate({
      model: '@cf/black-forest-labs/flux-2-klein-9b',
      prompt: 'multipart over rest',
      size: customSize('256x512'),
    });
    const served2 = await call(new URL(flux2.data?.[0]?.url ?? '').pathname);
    expect(imageSize(new Uint8Array(await served2.arrayBuffer()))).toEqual({
      type: 'jpeg',
      width: 256,
      height: 512,
    });

    expect(simulator.calls.map((entry) => entry.via)).toEqual(['rest', 'rest', 'rest']);
    expect(simulator.calls[2]?.inputs).toEqual({
      prompt: 'multipart over rest',
      width: '256',
      height: '512',
    });
  });

  it('maps REST errors the same way', async () => {
    const client = openAiClient(restEnv);
    const error = await client.images
      .generate({ model: '@cf/stabilityai/stable-diffusion-xl-base-1.0', prompt: '[[nsfw]]' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'content_policy_violation' });
  });
});
