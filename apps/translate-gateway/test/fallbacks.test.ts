import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSLATE_MODEL } from '../src/translation/choose-engine';
import { createTestGateway, postJson, unique } from './call-worker';

const deeplAuth = { authorization: 'DeepL-Auth-Key test-key' };
const NEXT = '@cf/openai/gpt-oss-120b';

describe('translation fallback chains', () => {
  it("translates with the next model of the LLM engine's chain when its model is busy, and says so", async () => {
    const gateway = createTestGateway({
      TRANSLATE_ENGINE: 'llm',
      MODEL_FALLBACKS: JSON.stringify({ [DEFAULT_TRANSLATE_MODEL]: [NEXT] }),
    });
    gateway.simulator.injectFault({ kind: 'busy', model: DEFAULT_TRANSLATE_MODEL, ms: 10_000 });
    const text = unique('The weather is lovely today');
    const response = await gateway.call(
      '/v2/translate',
      postJson({ text: [text], target_lang: 'DE', source_lang: 'EN' }, deeplAuth),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-model-fallback')).toBe(`${DEFAULT_TRANSLATE_MODEL} -> ${NEXT} (busy)`);
    expect(response.headers.get('x-translation-engine')).toBe(`llm:${NEXT}`);
    const body = (await response.json()) as { translations: { text: string }[] };
    expect(body.translations[0]?.text).not.toBe('');
    expect(gateway.simulator.calls.map((call) => [call.model, call.rejectIfBusy])).toEqual([
      [DEFAULT_TRANSLATE_MODEL, true],
      [NEXT, undefined],
    ]);
  });

  it('keeps m2m100 on its own unless the operator names a chain, and never hands it a chat model', async () => {
    const misconfigured = createTestGateway({
      MODEL_FALLBACKS: JSON.stringify({ '@cf/meta/m2m100-1.2b': [NEXT] }),
    });
    const refused = await misconfigured.call(
      '/translate?token=test-key',
      postJson({ text: unique('Good morning everyone'), source_lang: 'EN', target_lang: 'DE' }),
    );
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { message: string }).message).toContain('MODEL_FALLBACKS');
    expect(misconfigured.simulator.calls).toHaveLength(0);

    // An uncatalogued ID passes the task check but is no m2m100: passed over, the busy model's 503 stands.
    const gateway = createTestGateway({
      MODEL_FALLBACKS: JSON.stringify({ '@cf/meta/m2m100-1.2b': ['@cf/example/new-translator'] }),
    });
    gateway.simulator.injectFault({ kind: 'status', code: 3040, model: '@cf/meta/m2m100-1.2b', times: 5 });
    const response = await gateway.call(
      '/translate?token=test-key',
      postJson({ text: unique('Good morning everyone'), source_lang: 'EN', target_lang: 'DE' }),
    );
    expect(response.status).toBe(503);
    expect(gateway.simulator.calls.map((call) => call.model)).toEqual(['@cf/meta/m2m100-1.2b']);
  });
});
