import { describe, expect, it } from 'vitest';
import { createStopSequenceFilter } from './create-stop-sequence-filter';

function run(stops: string[], pieces: string[]): { text: string; stopped: boolean } {
  const filter = createStopSequenceFilter(stops);
  let text = '';
  for (const piece of pieces) {
    const result = filter.push(piece);
    text += result.text;
    if (result.stopped) return { text, stopped: true };
  }
  return { text: text + filter.flush(), stopped: false };
}

describe('createStopSequenceFilter', () => {
  it('cuts before a stop sequence inside one piece', () => {
    expect(run(['\n\n'], ['one\n\ntwo'])).toEqual({ text: 'one', stopped: true });
  });

  it('finds a stop sequence split over three pieces', () => {
    expect(run(['STOP'], ['abc S', 'T', 'OP tail'])).toEqual({ text: 'abc ', stopped: true });
  });

  it('releases held text when the partial match does not complete', () => {
    const filter = createStopSequenceFilter(['STOP']);
    expect(filter.push('abc ST')).toEqual({ text: 'abc ', stopped: false });
    expect(filter.push('ART')).toEqual({ text: 'START', stopped: false });
    expect(filter.flush()).toBe('');
  });

  it('flushes a trailing partial match at the end of the stream', () => {
    expect(run(['STOP'], ['abc ST'])).toEqual({ text: 'abc ST', stopped: false });
  });

  it('stops at the earliest of several sequences', () => {
    expect(run(['world', 'lo'], ['hello world'])).toEqual({ text: 'hel', stopped: true });
  });
});
