import { describe, expect, it } from 'vitest';
import { protectGlossaryTerms } from './protect-glossary-terms';

describe('protectGlossaryTerms', () => {
  const entries = [
    { source: 'New York', target: 'Nueva York' },
    { source: 'New York City', target: 'Ciudad de Nueva York' },
    { source: 'cat', target: 'gato' },
    { source: '东京', target: 'Tokio' },
  ];

  it('replaces whole terms, longest first, and puts every target term back', () => {
    const guarded = protectGlossaryTerms('New York City has a cat, not a category. New York too.', entries);
    expect(guarded.text).toBe('[#1] has a [#2], not a category. [#3] too.');
    expect(guarded.count).toBe(3);
    expect(guarded.restore('[fr] [#1] a un [ # 2 ], pas une catégorie. [#3] aussi.')).toBe(
      '[fr] Ciudad de Nueva York a un gato, pas une catégorie. Nueva York aussi.',
    );
  });

  it('matches inside unspaced scripts and leaves texts without terms alone', () => {
    expect(protectGlossaryTerms('我在东京工作', entries).text).toBe('我在[#1]工作');
    const untouched = protectGlossaryTerms('Nothing here', entries);
    expect(untouched.text).toBe('Nothing here');
    expect(untouched.restore('[#1] stays')).toBe('[#1] stays');
  });
});
