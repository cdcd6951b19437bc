import { describe, expect, it } from 'vitest';
import { segmentCacheUrl } from './segment-cache-url';

// Digests computed outside the Worker (Node's crypto.createHash('sha256') over the same lines):
// a change of key material or of its hex would orphan every translation already cached.
describe('segmentCacheUrl', () => {
  it('keys an m2m100 segment as it always has: model, languages and text, one per line', async () => {
    const url = await segmentCacheUrl({
      model: '@cf/meta/m2m100-1.2b',
      source: 'en',
      target: 'fr',
      text: 'The museum opens its new wing.',
    });
    expect(url).toBe(
      'https://translate-gateway.cache/segment/v1/a33ec88947ef6968cd797d951d664ebc6f915921c18a8e26200619639ade6ac1',
    );
  });

  it('adds the settings as a last line, and hashes text beyond ASCII as UTF-8', async () => {
    const url = await segmentCacheUrl({
      model: 'llm:@cf/google/gemma-4-26b-a4b-it',
      source: 'en',
      target: 'zh',
      text: '日本語 and émigré 😀',
      settings: '["ZH-HANT","default","",""]',
    });
    expect(url).toBe(
      'https://translate-gateway.cache/segment/v1/afbb14ff9bdc030910df621b77bbce3ac8cf15560dc809b8d3f5336498c37fbc',
    );
  });

  it('hashes one key object once, and an equal key object to the same URL', async () => {
    const key = { model: '@cf/meta/m2m100-1.2b', source: 'en', target: 'fr', text: 'Once.' };
    const first = segmentCacheUrl(key);
    expect(segmentCacheUrl(key)).toBe(first);
    expect(await segmentCacheUrl({ ...key })).toBe(await first);
    expect(await segmentCacheUrl({ ...key, text: 'Twice.' })).not.toBe(await first);
  });
});
