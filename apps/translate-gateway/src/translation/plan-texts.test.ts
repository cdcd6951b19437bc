import { parseDeeplxRequest } from '@workers-ai-gateways/core';
import { describe, expect, it } from 'vitest';
import { assembleTexts } from './assemble-texts';
import { planTexts, type Segment } from './plan-texts';

function plan(body: Record<string, unknown>) {
  const segments = new Map<string, Segment>();
  const plans = planTexts(parseDeeplxRequest({ target_lang: 'DE', ...body }), segments);
  return { plans, segments };
}

const translatedParts = (parts: ReturnType<typeof plan>['plans'][number]['parts']) =>
  parts.flatMap((part) => (part.kind === 'translate' ? [part.segment] : []));

describe('planTexts', () => {
  it("gives a text's repeated lines one segment, and each line of another script its own language", () => {
    const text = [
      'Open the door.',
      'Привет, как дела?',
      'Open the door.',
      'Привет, как дела?',
      'Close it.',
    ].join('\n');
    const { plans, segments } = plan({ text });
    expect([...segments.values()].map((segment) => [segment.source, segment.text])).toEqual([
      ['en', 'Open the door.'],
      ['ru', 'Привет, как дела?'],
      ['en', 'Close it.'],
    ]);
    const [first, second, third, fourth] = translatedParts(plans[0]?.parts ?? []);
    expect(third).toBe(first);
    expect(fourth).toBe(second);
  });

  it('shares a segment between texts of the same language, not across languages', () => {
    const { plans, segments } = plan({ text: ['Good morning to you all.', 'Good morning to you all.'] });
    expect(segments.size).toBe(1);
    expect(translatedParts(plans[1]?.parts ?? [])[0]).toBe(translatedParts(plans[0]?.parts ?? [])[0]);
    const mixed = plan({ text: ['Guten Morgen', 'Guten Morgen'], source_lang: 'DE' });
    expect(mixed.segments.size).toBe(1);
  });

  it('bills code points: an astral character once, a lone surrogate once', () => {
    const { plans } = plan({ text: ['a😀b', '\uD83Dx\uDE00', '😀😀\uD83D'] });
    expect(plans.map((planned) => planned.billedCharacters)).toEqual([3, 3, 3]);
  });
});

describe('assembleTexts', () => {
  it('writes every part of a shared segment, escaped in markup and in Traditional Chinese when asked', () => {
    const { plans, segments } = plan({
      text: '<p>a &amp; b</p><p>a &amp; b</p>\n<i>c</i>',
      tag_handling: 'html',
    });
    const [shared, untranslated] = [...segments.values()];
    if (!shared || !untranslated) throw new Error('expected two segments');
    shared.translation = '这 < 那 & 东';
    expect(assembleTexts(plans, false)[0]?.text).toBe(
      '<p>这 &lt; 那 &amp; 东</p><p>这 &lt; 那 &amp; 东</p>\n<i>c</i>',
    );
    expect(assembleTexts(plans, true)[0]?.text).toBe(
      '<p>這 &lt; 那 &amp; 東</p><p>這 &lt; 那 &amp; 東</p>\n<i>c</i>',
    );
    const plain = plan({ text: 'a & b\na & b' });
    const [segment] = [...plain.segments.values()];
    if (!segment) throw new Error('expected a segment');
    segment.translation = 'x < y & z';
    expect(assembleTexts(plain.plans, false)[0]?.text).toBe('x < y & z\nx < y & z');
  });
});
