import { GatewayError } from '@workers-ai-gateways/core';
import { describe, expect, it } from 'vitest';
import { createImageChatStream } from './create-image-chat-stream';
import { formatImageMarkdown } from './format-image-markdown';

const identity = { id: 'chatcmpl-1', created: 1700000000, model: '@cf/x/y' };

async function events(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const text = await new Response(stream).text();
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => event.replace(/^data: /, ''));
}

describe('createImageChatStream', () => {
  it('frames role, content, finish, usage and [DONE] with one identity', async () => {
    const stream = createImageChatStream({
      identity,
      prompt: 'cat',
      choices: 1,
      includeUsage: true,
      contents: Promise.resolve(['![cat](https://x/i.png)']),
    });
    const received = await events(stream);
    expect(received.at(-1)).toBe('[DONE]');
    const chunks = received.slice(0, -1).map((event) => JSON.parse(event));
    expect(chunks.map((chunk) => [chunk.id, chunk.created, chunk.model])).toEqual(
      Array(4).fill(['chatcmpl-1', 1700000000, '@cf/x/y']),
    );
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks[1].choices[0].delta).toEqual({ content: '![cat](https://x/i.png)' });
    expect(chunks[2].choices[0].finish_reason).toBe('stop');
    expect(chunks[3]).toMatchObject({ choices: [], usage: { prompt_tokens: 1 } });
  });

  it('ends a failure with an OpenAI error event and [DONE]', async () => {
    const stream = createImageChatStream({
      identity,
      prompt: 'cat',
      choices: 1,
      includeUsage: false,
      contents: Promise.reject(new GatewayError(429, 'insufficient_quota', 'used up')),
    });
    const received = await events(stream);
    expect(received).toHaveLength(3);
    expect(JSON.parse(received[1] ?? '')).toEqual({
      error: { message: 'used up', type: 'insufficient_quota', param: null, code: 'insufficient_quota' },
    });
    expect(received[2]).toBe('[DONE]');
  });

  it('calls onCancel when the client goes away', async () => {
    let cancelled = false;
    const stream = createImageChatStream({
      identity,
      prompt: 'cat',
      choices: 1,
      includeUsage: false,
      contents: new Promise(() => {}),
      onCancel: () => {
        cancelled = true;
      },
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
  });
});

describe('formatImageMarkdown', () => {
  it('keeps the alt text on one line and escapes brackets', () => {
    expect(formatImageMarkdown('a [red]\n fox', 'https://x/i.png')).toBe(
      '![a \\[red\\] fox](https://x/i.png)',
    );
  });
});
