import { describe, expect, it } from 'vitest';
import { parseImageRequest } from './parse-image-request';

describe('parseImageRequest', () => {
  it('maps OpenAI fields and ignores fields that change nothing', () => {
    expect(
      parseImageRequest({
        prompt: '  a cat ',
        n: 2,
        size: '512x512',
        response_format: 'b64_json',
        guidance_scale: 3,
        num_inference_steps: 4,
        background: 'auto',
        moderation: 'low',
        stream: false,
      }),
    ).toMatchObject({ prompt: 'a cat', n: 2, responseFormat: 'b64_json', guidance: 3, steps: 4 });
    expect(parseImageRequest({ prompt: 'x', n: null, model: '' })).toMatchObject({
      n: 1,
      model: undefined,
      responseFormat: 'url',
    });
  });

  it('names the field at fault', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'prompt'],
      [{ prompt: '   ' }, 'prompt'],
      [{ prompt: 'x', n: 0 }, 'n'],
      [{ prompt: 'x', quality: 'ultra' }, 'quality'],
      [{ prompt: 'x', seed: -1 }, 'seed'],
      [{ prompt: 'x', stream: true }, 'stream'],
      [{ prompt: 'x', strength: 2 }, 'strength'],
    ];
    for (const [body, param] of cases) {
      expect(() => parseImageRequest(body), param).toThrowError(
        expect.objectContaining({ status: 400, param }),
      );
    }
  });
});
