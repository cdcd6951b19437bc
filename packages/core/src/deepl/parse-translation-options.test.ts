import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error';
import { parseTranslationOptions } from './parse-translation-options';

describe('parseTranslationOptions', () => {
  it("maps DeepL's model_type and DeepLX's engine to an engine", () => {
    expect(parseTranslationOptions({ model_type: 'quality_optimized' })).toEqual({
      modelType: 'quality_optimized',
      engine: 'llm',
    });
    expect(parseTranslationOptions({ model_type: 'latency_optimized' }).engine).toBe('m2m100');
    expect(parseTranslationOptions({ model_type: 'prefer_quality_optimized' }).engine).toBe('prefer-llm');
    expect(parseTranslationOptions({ engine: 'LLM' }).engine).toBe('llm');
    expect(parseTranslationOptions({})).toEqual({});
  });

  it('reads formality (old spellings too), context and glossary_id; empty values are absent', () => {
    expect(
      parseTranslationOptions({ formality: 'prefer_more', context: ' A menu. ', glossary_id: 'g1' }),
    ).toEqual({
      formality: 'prefer_more',
      context: 'A menu.',
      glossaryId: 'g1',
    });
    expect(parseTranslationOptions({ formality: 'formal' }).formality).toBe('prefer_more');
    expect(parseTranslationOptions({ formality: '', context: '' })).toEqual({});
  });

  it("answers unknown values with DeepL's 400 naming the field", () => {
    for (const [field, value] of [
      ['model_type', 'best'],
      ['formality', 'polite'],
      ['engine', 'gpt'],
      ['context', 42],
    ] as const) {
      let error: unknown;
      try {
        parseTranslationOptions({ [field]: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).status).toBe(400);
      expect((error as GatewayError).param).toBe(field);
    }
  });
});
