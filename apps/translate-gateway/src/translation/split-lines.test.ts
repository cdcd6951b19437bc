import { describe, expect, it } from 'vitest';
import { splitLines } from './split-lines';

const translate = (text: string, markup = false) => ({ kind: 'translate', text, markup });
const keep = (text: string) => ({ kind: 'keep', text });

describe('splitLines', () => {
  it('ends lines at CRLF, LF and CR alike, each kept verbatim with the blank lines around it', () => {
    expect(splitLines('one\r\ntwo\nthree\rfour\r\r\nfive\n')).toEqual([
      translate('one'),
      keep('\r\n'),
      translate('two'),
      keep('\n'),
      translate('three'),
      keep('\r'),
      translate('four'),
      keep('\r\r\n'),
      translate('five'),
      keep('\n'),
    ]);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\r\n')).toEqual([keep('\n\r\n')]);
  });

  it("keeps each line's leading and trailing whitespace out of what it translates", () => {
    expect(splitLines(' \t Hello there.  \n\u00a0x\u2003', true)).toEqual([
      keep(' \t '),
      translate('Hello there.', true),
      keep('  \n\u00a0'),
      translate('x', true),
      keep('\u2003'),
    ]);
  });

  it('translates a line with a letter of any script, and keeps lines without one', () => {
    const lines = ['Привет', '你好', '😀 a', '— é', '12 — 😀 !', '@[`{', '42', 'ß'];
    const parts = splitLines(lines.join('\n'));
    expect(parts.filter((part) => part.kind === 'translate').map((part) => part.text)).toEqual([
      'Привет',
      '你好',
      '😀 a',
      '— é',
      'ß',
    ]);
    expect(parts.filter((part) => part.kind === 'keep').map((part) => part.text)).toEqual([
      '\n',
      '\n',
      '\n',
      '\n12 — 😀 !\n@[`{\n42\n',
    ]);
  });

  it('cuts a line over 400 characters at sentences, keeping pieces without a letter', () => {
    const sentence = 'The museum opens its new wing to the public next spring. ';
    const line = `  ${sentence.repeat(8)}1234. ${sentence.repeat(4).trimEnd()}`;
    const parts = splitLines(line);
    expect(parts.map((part) => part.text).join('')).toBe(line);
    expect(parts[0]).toEqual(keep('  '));
    const translated = parts.filter((part) => part.kind === 'translate');
    expect(translated.length).toBeGreaterThan(1);
    expect(translated.every((part) => part.text.length <= 400 && part.text === part.text.trim())).toBe(true);
  });
});
