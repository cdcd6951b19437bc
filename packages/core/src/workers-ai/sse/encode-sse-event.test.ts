import { describe, expect, it } from 'vitest';
import { encodeSseEvent } from './encode-sse-event';

const decoder = new TextDecoder();

describe('encodeSseEvent', () => {
  it('encodes JSON as one data event', () => {
    expect(decoder.decode(encodeSseEvent({ content: 'héllo\nworld' }))).toBe(
      'data: {"content":"héllo\\nworld"}\n\n',
    );
  });

  it('sends [DONE] verbatim', () => {
    expect(decoder.decode(encodeSseEvent('[DONE]'))).toBe('data: [DONE]\n\n');
  });
});
