import { describe, expect, it } from 'vitest';
import { mapWorkersAiChatResponse } from './map-workers-ai-chat-response';

const plain = { stop: [], thinkTags: false, maxTokens: 256 };

describe('mapWorkersAiChatResponse', () => {
  it('maps a legacy answer with real usage', () => {
    const result = mapWorkersAiChatResponse(
      {
        response: 'Hello!',
        tool_calls: [],
        usage: { prompt_tokens: 17, completion_tokens: 3, total_tokens: 20 },
      },
      plain,
    );
    expect(result).toEqual({
      choices: [{ content: 'Hello!', reasoning: undefined, toolCalls: [], finishReason: 'stop' }],
      usage: { prompt_tokens: 17, completion_tokens: 3, total_tokens: 20 },
    });
  });

  it('returns a legacy JSON-mode object as a JSON string', () => {
    const result = mapWorkersAiChatResponse({ response: { name: 'Ada', age: 36 } }, plain);
    expect(result.choices[0]?.content).toBe('{"name":"Ada","age":36}');
  });

  it('maps legacy tool calls to OpenAI tool_calls with string arguments', () => {
    const result = mapWorkersAiChatResponse(
      { response: null, tool_calls: [{ name: 'lookup', arguments: { q: 'x' } }] },
      plain,
    );
    expect(result.choices[0]).toMatchObject({
      content: null,
      finishReason: 'tool_calls',
      toolCalls: [{ type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
    });
    expect(result.choices[0]?.toolCalls[0]?.id).toMatch(/^call_/);
  });

  it('enforces stop sequences and reports length when max_tokens was reached', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 256, total_tokens: 257 };
    expect(
      mapWorkersAiChatResponse({ response: 'a b STOP c', usage }, { ...plain, stop: ['STOP'] }).choices[0],
    ).toMatchObject({
      content: 'a b ',
      finishReason: 'stop',
    });
    expect(mapWorkersAiChatResponse({ response: 'a b c', usage }, plain).choices[0]?.finishReason).toBe(
      'length',
    );
  });

  it("reads gpt-oss's `reasoning` with null content and glm's `reasoning_content`", () => {
    const gptOss = mapWorkersAiChatResponse(
      {
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: '4', reasoning: 'sum' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7, neurons: 0.3 },
      },
      plain,
    );
    expect(gptOss.choices[0]).toMatchObject({ content: '4', reasoning: 'sum' });
    expect(gptOss.usage?.neurons).toBe(0.3);
    const glm = mapWorkersAiChatResponse(
      { choices: [{ message: { content: 'hi', reasoning_content: 'greet' }, finish_reason: 'length' }] },
      plain,
    );
    expect(glm.choices[0]).toMatchObject({ reasoning: 'greet', finishReason: 'length' });
  });

  it('splits <think> blocks of legacy reasoning models, with or without the opening tag', () => {
    const thinking = { ...plain, thinkTags: true };
    const result = mapWorkersAiChatResponse({ response: '<think>\nhmm\n</think>\n\nyes' }, thinking);
    expect(result.choices[0]).toMatchObject({ content: 'yes', reasoning: 'hmm' });
    const opened = mapWorkersAiChatResponse({ response: 'hmm, 2+2\n</think>\n\n4' }, thinking);
    expect(opened.choices[0]).toMatchObject({ content: '4', reasoning: 'hmm, 2+2' });
    const none = mapWorkersAiChatResponse({ response: 'Just 4.' }, thinking);
    expect(none.choices[0]).toMatchObject({ content: 'Just 4.', reasoning: undefined });
  });
});
