import { describe, expect, it } from 'vitest';
import { prefersHtml } from './prefers-html';

function withAccept(accept: string | undefined): Request {
  return new Request('https://gateway.test/', accept === undefined ? {} : { headers: { accept } });
}

describe('prefersHtml', () => {
  it('serves HTML to browsers', () => {
    expect(
      prefersHtml(withAccept('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8')),
    ).toBe(true);
  });

  it('keeps JSON for curl, SDKs and clients that name no type', () => {
    expect(prefersHtml(withAccept('*/*'))).toBe(false);
    expect(prefersHtml(withAccept('application/json'))).toBe(false);
    expect(prefersHtml(withAccept(undefined))).toBe(false);
  });
});
