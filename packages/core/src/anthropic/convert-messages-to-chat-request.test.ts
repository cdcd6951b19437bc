import { describe, expect, it } from 'vitest';
import { convertMessagesToChatRequest } from './convert-messages-to-chat-request';
import { parseMessagesRequest } from './parse-messages-request';

function convert(body: Record<string, unknown>) {
  return convertMessagesToChatRequest(
    parseMessagesRequest({ model: 'claude-sonnet-4-5', max_tokens: 64, ...body }),
  );
}

describe('convertMessagesToChatRequest', () => {
  it('puts system blocks first and keeps sampling, stops and top_k', () => {
    const chat = convert({
      system: [
        { type: 'text', text: 'Rule one.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'Rule two.' },
      ],
      messages: [{ role: 'user', content: 'Hi' }],
      stop_sequences: ['a', 'b', 'c', 'd', 'e'],
      temperature: 0.5,
      top_p: 0.9,
      top_k: 40,
    });
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Rule one.\nRule two.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(chat).toMatchObject({
      max_tokens: 64,
      stop: ['a', 'b', 'c', 'd', 'e'],
      temperature: 0.5,
      top_p: 0.9,
      top_k: 40,
    });
  });

  it('turns tool results into tool messages before the rest of the turn, images after', () => {
    const chat = convert({
      messages: [
        { role: 'user', content: 'Look' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'hmm', signature: 'sig' },
            { type: 'text', text: 'Calling.' },
            { type: 'tool_use', id: 'toolu_1', name: 'shot', input: { zoom: 2 } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Here:' },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              is_error: true,
              content: [
                { type: 'text', text: 'blurred' },
                { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
              ],
            },
          ],
        },
      ],
    });
    expect(chat.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: 'Calling.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'shot', arguments: '{"zoom":2}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'Error: blurred' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Here:' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ],
      },
    ]);
  });

  it('maps tools, tool_choice and thinking budgets', () => {
    const tools = [{ name: 'f', description: 'd', input_schema: { type: 'object', properties: {} } }];
    const base = { messages: [{ role: 'user', content: 'x' }], tools };
    expect(convert({ ...base, tool_choice: { type: 'any', disable_parallel_tool_use: true } })).toMatchObject(
      {
        tools: [
          {
            type: 'function',
            function: { name: 'f', description: 'd', parameters: { type: 'object', properties: {} } },
          },
        ],
        tool_choice: 'required',
        parallel_tool_calls: false,
      },
    );
    expect(convert({ ...base, tool_choice: { type: 'tool', name: 'f' } }).tool_choice).toEqual({
      type: 'function',
      function: { name: 'f' },
    });
    expect(convert({ ...base, thinking: { type: 'enabled', budget_tokens: 1024 } }).reasoning_effort).toBe(
      'low',
    );
    expect(convert({ ...base, thinking: { type: 'enabled', budget_tokens: 10_000 } }).reasoning_effort).toBe(
      'medium',
    );
    expect(convert({ ...base, thinking: { type: 'enabled', budget_tokens: 32_000 } }).reasoning_effort).toBe(
      'high',
    );
    expect(convert({ ...base, thinking: { type: 'disabled' } }).reasoning_effort).toBeUndefined();
  });

  it('refuses what Workers AI cannot do, naming the field', () => {
    expect(() =>
      convert({
        messages: [{ role: 'user', content: 'x' }],
        tools: [{ type: 'bash_20250124', name: 'bash' }],
      }),
    ).toThrow(expect.objectContaining({ status: 400, param: 'tools[0].type' }));
    expect(() =>
      convert({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } },
            ],
          },
        ],
      }),
    ).toThrow(expect.objectContaining({ param: 'messages[0].content[0].source.type' }));
    expect(() => convert({ messages: [{ role: 'system', content: 'x' }] })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => parseMessagesRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).toThrow(
      expect.objectContaining({ param: 'max_tokens' }),
    );
  });
});
