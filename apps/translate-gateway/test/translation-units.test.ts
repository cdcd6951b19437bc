import { describe, expect, it } from 'vitest';
import { convertToTraditional } from '../src/translation/convert-to-traditional';
import { detectLanguage } from '../src/translation/detect-language';
import { findRunaway } from '../src/translation/find-runaway-repetition';
import { guardRepetition } from '../src/translation/guard-repetition';
import { splitLines } from '../src/translation/split-lines';
import { splitMarkup } from '../src/translation/split-markup';
import { splitSentences } from '../src/translation/split-sentences';
import { UpstreamLimiter } from '../src/translation/upstream-limiter';
import sample from './__fixtures__/detection-sample.json';

function rebuild(parts: Array<{ text: string }>): string {
  return parts.map((part) => part.text).join('');
}

describe('detectLanguage on the 340-sentence sample (17 languages × 20)', () => {
  const results = Object.entries(sample as Record<string, string[]>).map(([language, sentences]) => ({
    language,
    correct: sentences.filter((sentence) => detectLanguage(sentence) === language).length,
    total: sentences.length,
  }));

  it('is right on at least 95% overall (measured: 338/340, 99.4%, with eld)', () => {
    const correct = results.reduce((sum, result) => sum + result.correct, 0);
    const total = results.reduce((sum, result) => sum + result.total, 0);
    expect(total).toBe(340);
    expect(correct / total).toBeGreaterThanOrEqual(0.95);
  });

  it('never misses a language its script or letters settle', () => {
    // Russian left this list when n-grams replaced the ы/ъ rule: it is not settled by letters alone.
    for (const language of ['zh', 'ja', 'vi', 'pl', 'tr']) {
      expect(results.find((result) => result.language === language)?.correct).toBe(20);
    }
  });

  it('falls back to English for text without letters and reads scripts by their letters', () => {
    expect(detectLanguage('12345 !!!')).toBe('en');
    expect(detectLanguage('안녕하세요, 만나서 반갑습니다.')).toBe('ko');
    expect(detectLanguage('مرحبا بكم في موقعنا')).toBe('ar');
    expect(detectLanguage('این یک متن فارسی است که می‌خوانید')).toBe('fa');
    expect(detectLanguage('Γεια σου κόσμε')).toBe('el');
    expect(detectLanguage('สวัสดีครับ')).toBe('th');
  });
});

describe('splitLines and splitSentences', () => {
  it('rebuilds the input exactly and sends only lines with letters', () => {
    const text = '  Hello there.  \r\n\n \t \n12 34\nBye';
    const parts = splitLines(text);
    expect(rebuild(parts)).toBe(text);
    expect(parts.filter((part) => part.kind === 'translate').map((part) => part.text)).toEqual([
      'Hello there.',
      'Bye',
    ]);
  });

  it('packs sentences into chunks under the limit, keeping the whitespace between them', () => {
    const paragraph = Array.from({ length: 30 }, (_, index) => `This is sentence number ${index}.`).join(
      '  ',
    );
    const chunks = splitSentences(paragraph, 100);
    expect(chunks.map((chunk) => chunk.text + chunk.separator).join('')).toBe(paragraph);
    expect(chunks.every((chunk) => chunk.text.length <= 100 && /\.$/.test(chunk.text))).toBe(true);
  });

  it('cuts CJK text at full stops and unpunctuated text between code points', () => {
    const chinese = '这是第一句。'.repeat(100);
    const chunks = splitSentences(chinese, 400);
    expect(chunks.map((chunk) => chunk.text + chunk.separator).join('')).toBe(chinese);
    expect(chunks.every((chunk) => chunk.text.length <= 400 && chunk.text.endsWith('。'))).toBe(true);
    const emoji = '😀'.repeat(300);
    const pieces = splitSentences(emoji, 400);
    expect(pieces.map((chunk) => chunk.text).join('')).toBe(emoji);
    expect(pieces.every((chunk) => !/^[\uDC00-\uDFFF]/.test(chunk.text))).toBe(true);
  });
});

describe('splitMarkup', () => {
  it('keeps markup byte for byte and translates only text nodes', () => {
    const html =
      '<p title="a > b">Hi <b>you</b> &amp; me &lt;3 &gt; them&nbsp;<!-- c --><code>x</code><br>end</p>';
    const parts = splitMarkup(html, { mode: 'html', ignoreTags: [] });
    const translated = parts.filter((part) => part.kind === 'translate').map((part) => part.text);
    expect(translated).toEqual(['Hi', 'you', '& me <3', 'them', 'end']);
    // Decoded text plus kept markup rebuilds the input once `&` and `<` are escaped again.
    const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    expect(
      parts.map((part) => (part.kind === 'translate' ? escapeText(part.text) : part.text)).join(''),
    ).toBe(html);
  });

  it('skips nested ignored elements until their own closing tag', () => {
    const xml = '<a><skip>one <skip>two</skip> three</skip> four</a>';
    const translated = splitMarkup(xml, { mode: 'xml', ignoreTags: ['skip'] })
      .filter((part) => part.kind === 'translate')
      .map((part) => part.text);
    expect(translated).toEqual(['four']);
  });

  it('treats a lone < as text and never loses an unterminated tag', () => {
    const text = 'a < b and <unterminated';
    const parts = splitMarkup(text, { mode: 'html', ignoreTags: [] });
    expect(parts.map((part) => part.text).join('')).toBe('a < b and <unterminated');
  });
});

describe('the repetition guard', () => {
  it('finds a phrase repeated back to back and keeps its first occurrence', () => {
    expect(findRunaway('Hello there. I am fine I am fine I am fine I am fine')).toBe(
      'Hello there. I am fine',
    );
    expect(findRunaway('我很好我很好我很好我很好')).toBe('我很好');
    expect(findRunaway('A perfectly ordinary sentence, very very good.')).toBeUndefined();
  });

  it('flags outputs over three times longer than the input', () => {
    expect(guardRepetition('Hi there', `${'word '.repeat(20)}`).kind).toBe('runaway');
    expect(guardRepetition('Hello world', 'Bonjour le monde').kind).toBe('ok');
  });
});

describe('UpstreamLimiter', () => {
  it('admits calls up to the limit per window and says when the excess fits', () => {
    let now = 0;
    const limiter = new UpstreamLimiter(10, 60_000, () => now);
    expect(limiter.tryAcquire(6)).toEqual({ ok: true });
    now = 20_000;
    expect(limiter.tryAcquire(4)).toEqual({ ok: true });
    expect(limiter.tryAcquire(3)).toEqual({ ok: false, retryAfterSeconds: 40 });
    now = 60_000;
    expect(limiter.tryAcquire(3)).toEqual({ ok: true });
    expect(limiter.tryAcquire(4)).toEqual({ ok: false, retryAfterSeconds: 20 });
  });
});

describe('convertToTraditional', () => {
  it('converts common Simplified characters and leaves everything else', () => {
    expect(convertToTraditional('简体中文：软件、网络、电脑和数据库。Hello!')).toBe(
      '簡體中文：軟件、網絡、電腦和數據庫。Hello!',
    );
  });
});
