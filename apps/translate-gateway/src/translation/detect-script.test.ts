import { describe, expect, it } from 'vitest';
import { detectScript } from './detect-script';

describe('detectScript', () => {
  it('counts letters by script, ASCII and beyond, and picks the dominant one', () => {
    expect(detectScript('Hello, world! 123')).toEqual({ script: 'latin', letters: 10 });
    expect(detectScript('Привет, мир and hi')).toEqual({ script: 'cyrillic', letters: 14 });
    expect(detectScript('Ça été déjà')).toEqual({ script: 'latin', letters: 9 });
    // Astral Han (U+20000) counts once, as one letter.
    expect(detectScript('𠀀𠀁𠀂 ab')).toEqual({ script: 'han', letters: 5 });
    expect(detectScript('𠀀 abc')).toEqual({ script: 'latin', letters: 4 });
    // Any Kana makes Han count as Kana (Japanese).
    expect(detectScript('日本語のテキスト')?.script).toBe('kana');
    expect(detectScript('12 — 😀 !')).toBeUndefined();
  });

  it('breaks a tie by the script met first, as before', () => {
    expect(detectScript('ab вг')?.script).toBe('latin');
    expect(detectScript('вг ab')?.script).toBe('cyrillic');
  });
});
