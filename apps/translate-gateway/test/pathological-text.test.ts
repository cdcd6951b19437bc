import { describe, expect, it } from 'vitest';
import { createTestGateway, postJson } from './call-worker';

const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };

// The inputs of issue 11 items 2 and 3: before the splitters were linear scans, the first took
// over 58 s of CPU and the second 12 s; each now takes milliseconds. The bound is on wall time
// inside the test pool (generous for 2 loaded cores); tools/bench's adversarial suite measures CPU.
const BOUND_MS = 5_000;

describe('pathological text in translate-gateway (issue 11, items 2 and 3)', () => {
  it('splits "a" + 131,000 dots into sentences in linear time', { timeout: 120_000 }, async () => {
    const gateway = createTestGateway();
    const started = performance.now();
    const response = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: `a${'.'.repeat(131_000)}`, source_lang: 'EN', target_lang: 'DE' }),
    );
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });

  it('treats 65,000 unclosed "<a" as text in linear time', { timeout: 120_000 }, async () => {
    const gateway = createTestGateway();
    const started = performance.now();
    const response = await gateway.call(
      '/v2/translate',
      postJson({ text: ['<a'.repeat(65_000)], target_lang: 'DE', tag_handling: 'html' }, deeplAuth),
    );
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });
});
