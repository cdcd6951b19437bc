import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error';
import type { ChatUsage } from '../openai/map-workers-ai-chat-usage';
import { createMessagesFramer } from './create-messages-framer';

function events(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [eventLine = '', dataLine = ''] = block.split('\n');
      return { event: eventLine.replace('event: ', ''), data: JSON.parse(dataLine.replace('data: ', '')) };
    });
}

describe('createMessagesFramer', () => {
  it('opens and closes one block per kind in arrival order, then stop reason and usage', () => {
    const usages: ChatUsage[] = [];
    const framer = createMessagesFramer({
      id: 'msg_1',
      model: 'm',
      estimatedInputTokens: 5,
      thinking: true,
      onUsage: (usage) => usages.push(usage),
    });
    let text = framer.start();
    text += framer.part({ type: 'delta', index: 0, reasoning: 'think' });
    text += framer.part({ type: 'delta', index: 0, content: 'Hi' });
    text += framer.part({
      type: 'delta',
      index: 0,
      toolCalls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"a"' } }],
    });
    text += framer.part({
      type: 'delta',
      index: 0,
      toolCalls: [{ index: 0, function: { arguments: ':1}' } }],
    });
    text += framer.part({
      type: 'delta',
      index: 0,
      toolCalls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } }],
    });
    text += framer.part({ type: 'finish', index: 0, finishReason: 'tool_calls' });
    text += framer.part({
      type: 'usage',
      usage: {
        prompt_tokens: 10,
        completion_tokens: 4,
        total_tokens: 14,
        prompt_tokens_details: { cached_tokens: 6 },
      },
    });
    text += framer.end();
    const parsed = events(text);
    expect(parsed.map((entry) => entry.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const starts = parsed.filter((entry) => entry.event === 'content_block_start').map((entry) => entry.data);
    expect(starts.map((start) => start.index)).toEqual([0, 1, 2, 3]);
    expect(starts[2]?.content_block).toEqual({ type: 'tool_use', id: 'call_a', name: 'f', input: {} });
    expect(parsed.at(-2)?.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: {
        input_tokens: 4,
        output_tokens: 4,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 6,
      },
    });
    expect(usages).toHaveLength(1);
    expect(framer.ended).toBe(true);
  });

  it('reports the stop sequence and ends an error with Anthropic error event types', () => {
    const framer = createMessagesFramer({
      id: 'msg_2',
      model: 'm',
      estimatedInputTokens: 1,
      thinking: false,
    });
    framer.start();
    expect(framer.part({ type: 'delta', index: 0, reasoning: 'hidden' })).toBe('');
    framer.part({ type: 'delta', index: 0, content: 'a' });
    const failed = framer.part({
      type: 'error',
      message: 'busy',
      error: new GatewayError(503, 'upstream_overloaded', 'No capacity.'),
    });
    expect(events(failed).map((entry) => entry.event)).toEqual(['content_block_stop', 'error']);
    expect(events(failed)[1]?.data).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'No capacity.' },
    });
    expect(framer.end()).toBe('');

    const stopped = createMessagesFramer({
      id: 'msg_3',
      model: 'm',
      estimatedInputTokens: 1,
      thinking: false,
    });
    stopped.start();
    stopped.part({ type: 'finish', index: 0, finishReason: 'stop', stopSequence: 'END' });
    expect(stopped.end()).toContain('"stop_reason":"stop_sequence","stop_sequence":"END"');
  });
});
