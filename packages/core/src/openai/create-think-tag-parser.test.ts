import { describe, expect, it } from 'vitest';
import { createThinkTagParser } from './create-think-tag-parser';

function split(pieces: string[]): { reasoning: string; content: string } {
  const parser = createThinkTagParser();
  let reasoning = '';
  let content = '';
  for (const piece of [...pieces.map((text) => parser.push(text)), parser.flush()]) {
    reasoning += piece.reasoning;
    content += piece.content;
  }
  return { reasoning, content };
}

describe('createThinkTagParser', () => {
  it('splits a whole answer', () => {
    expect(split(['<think>\nHmm.\n</think>\n\nYes.'])).toEqual({ reasoning: 'Hmm.', content: 'Yes.' });
  });

  it('handles tags split at every position', () => {
    const text = '<think>\nA b.\n</think>\n\nC d.';
    for (let at = 1; at < text.length; at++) {
      expect(split([text.slice(0, at), text.slice(at)])).toEqual({ reasoning: 'A b.', content: 'C d.' });
    }
  });

  it('leaves answers without reasoning alone', () => {
    expect(split(['Plain ', 'answer.'])).toEqual({ reasoning: '', content: 'Plain answer.' });
  });

  it('starts inside the block for models whose template opens it, with the closing tag split', () => {
    const parser = createThinkTagParser({ startsInReasoning: true });
    const pieces = [
      parser.push('Okay, so'),
      parser.push(' 2+2.\n</th'),
      parser.push('ink>\n\n4'),
      parser.flush(),
    ];
    expect(pieces.map((piece) => piece.reasoning).join('')).toBe('Okay, so 2+2.');
    expect(pieces.map((piece) => piece.content).join('')).toBe('4');
  });

  it('treats text before a lone </think> as reasoning (DeepSeek-R1 template)', () => {
    expect(split(['Thinking here.</think>\n\nAnswer.'])).toEqual({
      reasoning: 'Thinking here.',
      content: 'Answer.',
    });
  });
});
