import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';
import { synthesizeTranslation } from './synthesize-translation';

const prompt = (segments: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    target_language: 'DE',
    ...extra,
    segments: segments.map((text, index) => ({ id: index + 1, text })),
  });
const parse = (answer: string | undefined) =>
  (JSON.parse(answer ?? 'null') as { translations: Array<{ id: number; text: string }> }).translations;

describe('synthesizeTranslation', () => {
  it('ignores anything that is not a translation prompt', () => {
    expect(synthesizeTranslation('Hello there')).toBeUndefined();
    expect(synthesizeTranslation('{"segments": []}')).toBeUndefined();
  });

  it('returns each segment by id with the target marker, formality and glossary applied', () => {
    expect(parse(synthesizeTranslation(prompt(['Hello', 'World'])))).toEqual([
      { id: 1, text: '[de] Hello' },
      { id: 2, text: '[de] World' },
    ]);
    const answer = synthesizeTranslation(
      prompt(['Open the Dashboard'], {
        formality: 'more',
        glossary: [{ source: 'Dashboard', target: 'Armaturenbrett' }],
      }),
    );
    expect(parse(answer)).toEqual([{ id: 1, text: '[de formal] Open the Armaturenbrett' }]);
  });

  it('misbehaves on request, in a batch only where documented', () => {
    expect(parse(synthesizeTranslation(prompt(['a', 'b [[drop]]', 'c'])))).toEqual([
      { id: 1, text: '[de] a' },
      { id: 3, text: '[de] c' },
    ]);
    expect(parse(synthesizeTranslation(prompt(['b [[drop]]'])))).toEqual([
      { id: 1, text: '[de] b [[drop]]' },
    ]);
    expect(parse(synthesizeTranslation(prompt(['a [[merge]]', 'b'])))).toEqual([
      { id: 1, text: '[de] a [[merge]]\n[de] b' },
    ]);
    expect(parse(synthesizeTranslation(prompt(['a [[echo]]', 'b'])))[0]).toEqual({
      id: 1,
      text: 'a [[echo]]',
    });
    expect(parse(synthesizeTranslation(prompt(['a [[echo-always]]'])))[0]).toEqual({
      id: 1,
      text: 'a [[echo-always]]',
    });
    expect(parse(synthesizeTranslation(prompt(['a [[reorder]]', 'b']))).map((entry) => entry.id)).toEqual([
      2, 1,
    ]);
    expect(synthesizeTranslation(prompt(['a [[garbage]]', 'b']))).not.toMatch(/^\{/);
    expect(synthesizeTranslation(prompt(['a [[fence]]']))).toMatch(/^```json\n\{.*\}\n```$/s);
    expect(synthesizeTranslation(prompt(['a [[think]]']))).toMatch(/^<think>\n.*THOUGHT.*\n<\/think>\n\n\{/s);
  });

  it('answers through both text-generation families', async () => {
    const simulator = createSimulator();
    const messages = [
      { role: 'system', content: 'Translate.' },
      { role: 'user', content: prompt(['Hello']) },
    ];
    const openai = (await simulator.binding.run('@cf/google/gemma-4-26b-a4b-it', { messages })) as {
      choices: Array<{ message: { content: string } }>;
    };
    expect(parse(openai.choices[0]?.message.content)).toEqual([{ id: 1, text: '[de] Hello' }]);
    const legacy = (await simulator.binding.run('@cf/meta/llama-3.3-70b-instruct-fp8-fast', {
      messages,
    })) as {
      response: string;
    };
    expect(parse(legacy.response)).toEqual([{ id: 1, text: '[de] Hello' }]);
  });
});
