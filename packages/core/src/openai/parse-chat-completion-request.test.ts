import { describe, expect, it } from 'vitest';
import { parseChatCompletionRequest } from './parse-chat-completion-request';

const base = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

function failure(body: unknown) {
  try {
    parseChatCompletionRequest(body);
  } catch (error) {
    return error as { status: number; param?: string };
  }
  throw new Error('expected a failure');
}

describe('parseChatCompletionRequest', () => {
  it('ignores unknown harmless fields', () => {
    const request = parseChatCompletionRequest({
      ...base,
      store: true,
      metadata: { a: 'b' },
      service_tier: 'auto',
    });
    expect(request.model).toBe('gpt-4o-mini');
    expect(request).not.toHaveProperty('store');
  });

  it('names the field at fault', () => {
    expect(failure({ ...base, messages: [] })).toMatchObject({ status: 400, param: 'messages' });
    expect(failure({ ...base, temperature: 'hot' })).toMatchObject({ param: 'temperature' });
    expect(failure({ ...base, messages: [{ role: 'user', content: 5 }] })).toMatchObject({
      param: 'messages[0].content',
    });
    expect(failure({ ...base, messages: [{ role: 'wizard', content: 'x' }] })).toMatchObject({
      param: 'messages[0].role',
    });
    expect(failure({ ...base, n: 9 })).toMatchObject({ param: 'n' });
    expect(failure({ ...base, logprobs: true })).toMatchObject({ param: 'logprobs' });
    expect(failure({ ...base, modalities: ['text', 'audio'] })).toMatchObject({ param: 'modalities' });
    expect(failure({ ...base, stream_options: { include_usage: true } })).toMatchObject({
      param: 'stream_options',
    });
    expect(failure({ ...base, tool_choice: { type: 'function', function: { name: 'nope' } } })).toMatchObject(
      {
        param: 'tool_choice',
      },
    );
    expect(failure({ messages: base.messages })).toMatchObject({ param: 'model' });
  });
});
