import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookableName } from './bookable-name';

afterEach(() => vi.restoreAllMocks());

describe('bookableName', () => {
  it('keeps a name of 1 to 200 characters as it is, silently', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(bookableName('/v1/chat/completions', 'unrouted')).toBe('/v1/chat/completions');
    expect(bookableName('x'.repeat(200), 'unrouted')).toBe('x'.repeat(200));
    expect(log).not.toHaveBeenCalled();
  });

  it('clamps a longer name to 200 characters and replaces an empty one, logging both', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(bookableName(`/v1/chat/completions${'/'.repeat(300)}`, 'unrouted')).toHaveLength(200);
    expect(bookableName('', 'unrouted')).toBe('unrouted');
    expect(bookableName(undefined, 'unknown-model')).toBe('unknown-model');
    expect(log).toHaveBeenCalledTimes(3);
  });
});
