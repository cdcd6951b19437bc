import { describe, expect, it } from 'vitest';
import { findModel } from '../workers-ai/catalog/find-model';
import { convertToWorkersAiChatInput } from './convert-to-workers-ai-chat-input';
import { parseChatCompletionRequest } from './parse-chat-completion-request';

function target(model: string) {
  return { model, entry: findModel(model) };
}

const legacy = target('@cf/meta/llama-3.1-8b-instruct-fast');
const openai = target('@cf/openai/gpt-oss-120b');

describe('convertToWorkersAiChatInput', () => {
  it('never sends stop or tool_choice to legacy models, but enforces stop itself', () => {
    const request = parseChatCompletionRequest({
      model: 'x',
      messages: [{ role: 'user', content: 'hi' }],
      stop: ['END'],
      max_completion_tokens: 50,
      seed: 0,
      tools: [{ type: 'function', function: { name: 'a', parameters: { type: 'object' } } }],
      tool_choice: 'auto',
    });
    const call = convertToWorkersAiChatInput(request, legacy);
    expect(call.inputs).not.toHaveProperty('stop');
    expect(call.inputs).not.toHaveProperty('tool_choice');
    expect(call.inputs).toMatchObject({ max_tokens: 50, seed: 1 });
    expect(call.stop).toEqual(['END']);
    expect(convertToWorkersAiChatInput(request, openai).inputs).toMatchObject({
      stop: ['END'],
      tool_choice: 'auto',
      max_completion_tokens: 50,
    });
  });

  it('maps tool history both ways: assistant tool_calls and tool results with their name', () => {
    const request = parseChatCompletionRequest({
      model: 'x',
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: 'weather?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
      ],
    });
    expect(convertToWorkersAiChatInput(request, legacy).inputs.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', content: '{"temp":21}', tool_call_id: 'call_1', name: 'get_weather' },
    ]);
  });

  it("unwraps OpenAI's json_schema for legacy models and keeps it for OpenAI-schema models", () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } } };
    const request = parseChatCompletionRequest({
      model: 'x',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_schema', json_schema: { name: 'person', schema } },
    });
    expect(convertToWorkersAiChatInput(request, legacy).inputs.response_format).toEqual({
      type: 'json_schema',
      json_schema: schema,
    });
    expect(convertToWorkersAiChatInput(request, openai).inputs.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'person', schema },
    });
  });

  it('refuses images for text-only models with the part as param, and passes them to vision models', () => {
    const request = parseChatCompletionRequest({
      model: 'x',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          ],
        },
      ],
    });
    expect(() => convertToWorkersAiChatInput(request, legacy)).toThrow(
      expect.objectContaining({ status: 400, param: 'messages[0].content[1]' }),
    );
    const vision = convertToWorkersAiChatInput(request, target('@cf/meta/llama-4-scout-17b-16e-instruct'));
    expect(vision.inputs.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        ],
      },
    ]);
  });

  it('refuses a max_tokens past the context window and JSON mode on models without it', () => {
    const tooLong = parseChatCompletionRequest({
      model: 'x',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 500000,
    });
    expect(() => convertToWorkersAiChatInput(tooLong, legacy)).toThrow(
      expect.objectContaining({ param: 'max_tokens' }),
    );
    const json = parseChatCompletionRequest({
      model: 'x',
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_object' },
    });
    expect(() =>
      convertToWorkersAiChatInput(json, target('@cf/mistralai/mistral-small-3.1-24b-instruct')),
    ).toThrow(expect.objectContaining({ param: 'response_format' }));
  });
});
