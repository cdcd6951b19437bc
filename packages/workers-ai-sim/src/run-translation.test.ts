import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator';

const model = '@cf/meta/m2m100-1.2b';

describe('translation', () => {
  it('answers plainly synthetic text without line breaks', async () => {
    const simulator = createSimulator();
    expect(await simulator.binding.run(model, { text: 'Hello\nworld', target_lang: 'fr' })).toEqual({
      translated_text: '[fr] Hello world',
    });
    expect(
      await simulator.binding.run(model, { text: 'Hi', source_lang: 'english', target_lang: 'German' }),
    ).toEqual({ translated_text: '[de] Hi' });
  });

  it('rejects unknown languages with 5006', async () => {
    const simulator = createSimulator();
    await expect(simulator.binding.run(model, { text: 'Hi', target_lang: 'xx' })).rejects.toThrow(/^5006: /);
    await expect(simulator.binding.run(model, { text: 'Hi' })).rejects.toThrow(/^5006: /);
  });

  it('repeats itself on [[repeat]]', async () => {
    const simulator = createSimulator();
    const input = 'Say it [[repeat]]';
    const result = (await simulator.binding.run(model, { text: input, target_lang: 'es' })) as {
      translated_text: string;
    };
    expect(result.translated_text.length).toBeGreaterThan(input.length * 10);
  });
});
