import { checkContextWindow } from './check-context-window';
import { countTokens } from './count-tokens';
import { hashText } from './hash-text';
import { makePadding } from './make-padding';
import type { ModelFamily } from './model-catalog';
import { pickToolCall } from './pick-tool-call';
import { readChatInput } from './read-chat-input';
import { SimulatorError } from './simulator-error';
import { synthesizeJson } from './synthesize-json';
import { synthesizeReply } from './synthesize-reply';
import { synthesizeTranslation } from './synthesize-translation';
import type { ModelRequest, ModelRun } from './types';
import { type InputSchema, validateInputs } from './validate-inputs';

// OpenAI Chat Completions fields that the vLLM-served models accept through /ai/run.
const openaiSchema: InputSchema = {
  oneOf: ['prompt', 'messages'],
  properties: {
    model: { type: 'string' },
    prompt: { type: 'string', minLength: 1 },
    messages: { type: 'array' },
    max_tokens: { type: 'integer', minimum: 1 },
    max_completion_tokens: { type: 'integer', minimum: 1 },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    top_k: { type: 'integer', minimum: -1 },
    n: { type: 'integer', minimum: 1, maximum: 8 },
    stop: { type: 'string-or-array', maxItems: 4 },
    seed: { type: 'integer' },
    tools: { type: 'array' },
    tool_choice: { type: 'string-or-object' },
    parallel_tool_calls: { type: 'boolean' },
    response_format: { type: 'object' },
    stream: { type: 'boolean' },
    stream_options: { type: 'object' },
    reasoning_effort: { type: 'string', enum: ['low', 'medium', 'high'] },
    frequency_penalty: { type: 'number', minimum: -2, maximum: 2 },
    presence_penalty: { type: 'number', minimum: -2, maximum: 2 },
    repetition_penalty: { type: 'number', minimum: 0, maximum: 2 },
    logprobs: { type: 'boolean' },
    top_logprobs: { type: 'integer', minimum: 0, maximum: 20 },
    logit_bias: { type: 'object' },
    user: { type: 'string' },
    chat_template_kwargs: { type: 'object' },
  },
};

/** OpenAI-schema text generation: `chat.completion` objects, chunks, then the trailing usage event. */
export function runOpenaiText(
  request: ModelRequest,
  family: Extract<ModelFamily, { kind: 'openai-text' }>,
): ModelRun {
  const { inputs, model } = request;
  if (family.paidOnly) throw new SimulatorError(5035);
  validateInputs(inputs, openaiSchema);
  const chat = readChatInput(inputs, { vision: false });
  const maxTokens = numberOr(inputs.max_completion_tokens, numberOr(inputs.max_tokens, 256));
  checkContextWindow(chat.promptTokens + maxTokens, family.contextWindow);
  const isCompletion = typeof inputs.prompt === 'string';
  const reply = synthesizeReply({
    model,
    lastUserText: chat.lastUserText,
    turn: chat.turn,
    maxTokens,
    reasoning: family.reasoningField !== undefined,
  });
  const toolCall = isCompletion
    ? undefined
    : pickToolCall(inputs.tools, inputs.tool_choice, chat.lastUserText);
  let content: string | null = reply.answer.length > 0 ? reply.answer.join(' ') : null;
  let finishReason: string = reply.finishReason;
  let jsonMode = false;
  const translation = isCompletion ? undefined : synthesizeTranslation(chat.lastUserText);
  if (translation !== undefined) {
    // A translation prompt: the answer is checkable JSON, priced by characters like JSON bodies.
    content = translation;
    finishReason = 'stop';
    jsonMode = true;
  }
  const format = inputs.response_format as { type?: unknown; json_schema?: { schema?: unknown } } | undefined;
  if (translation === undefined && (format?.type === 'json_object' || format?.type === 'json_schema')) {
    const schema = format.json_schema?.schema ?? {
      type: 'object',
      properties: { reply: { type: 'string' } },
    };
    content = JSON.stringify(synthesizeJson(schema, { requiredOnly: false }));
    jsonMode = true;
  }
  const stop =
    typeof inputs.stop === 'string' ? [inputs.stop] : Array.isArray(inputs.stop) ? inputs.stop : [];
  for (const sequence of stop) {
    const at = typeof sequence === 'string' && sequence !== '' && content ? content.indexOf(sequence) : -1;
    if (content && at >= 0) {
      content = content.slice(0, at);
      finishReason = 'stop';
    }
  }
  const reasoningText = reply.reasoning.length > 0 ? reply.reasoning.join(' ') : undefined;
  const completionTokens = toolCall
    ? countTokens(JSON.stringify(toolCall))
    : reply.reasoning.length + countContentTokens(content, jsonMode);
  const neurons = (chat.promptTokens * family.rates[0] + completionTokens * family.rates[1]) / 1e6;
  const cachedTokens = cachedPromptTokens(inputs.messages, request.cachedPrefix, chat.promptTokens);
  const usage = {
    prompt_tokens: chat.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: chat.promptTokens + completionTokens,
    prompt_tokens_details: cachedTokens > 0 ? { cached_tokens: cachedTokens } : null,
    neurons: Math.round(neurons * 10000) / 10000,
  };
  const id = `${isCompletion ? 'cmpl' : 'chatcmpl'}-${hashText(JSON.stringify(inputs)).toString(16).padStart(8, '0')}`;
  const created = Math.floor(request.now / 1000);
  const toolCalls = toolCall
    ? [
        {
          id: `chatcmpl-tool-${hashText(toolCall.name).toString(16)}`,
          type: 'function',
          function: { name: toolCall.name, arguments: JSON.stringify(toolCall.arguments) },
        },
      ]
    : [];
  if (toolCall) {
    content = null;
    finishReason = 'tool_calls';
  }
  const choiceCount = numberOr(inputs.n, 1);

  if (inputs.stream === true) {
    return { output: { kind: 'events', events: streamEvents() }, neurons };
  }
  const choices = Array.from({ length: choiceCount }, (_, index) =>
    isCompletion
      ? { index, text: content ?? '', logprobs: null, finish_reason: finishReason, stop_reason: null }
      : {
          index,
          message: {
            role: 'assistant',
            content,
            ...(family.reasoningField && reasoningText ? { [family.reasoningField]: reasoningText } : {}),
            tool_calls: toolCalls,
          },
          logprobs: null,
          finish_reason: finishReason,
          stop_reason: null,
        },
  );
  const object = isCompletion ? 'text_completion' : 'chat.completion';
  return { output: { kind: 'json', result: { id, object, created, model, choices, usage } }, neurons };

  function streamEvents(): string[] {
    const chunk = (delta: Record<string, unknown>, finish: string | null, index: number) =>
      JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        p: makePadding(`${model}:${index}`),
      });
    const deltas: Record<string, unknown>[] = [{ role: 'assistant', content: '' }];
    if (family.reasoningField) {
      reply.reasoning.forEach((word, index) => {
        deltas.push({ [family.reasoningField as string]: index === 0 ? word : ` ${word}` });
      });
    }
    if (toolCalls.length > 0) {
      deltas.push({ tool_calls: toolCalls.map((call, index) => ({ index, ...call })) });
    } else if (content) {
      content.split(' ').forEach((word, index) => {
        deltas.push({ content: index === 0 ? word : ` ${word}` });
      });
    }
    const events = deltas.map((delta, index) => chunk(delta, null, index));
    if (family.finishReasonWithUsage) {
      // glm-4.7-flash: finish_reason arrives only with the trailing usage event (observed quirk).
      events.push(
        JSON.stringify({
          response: '',
          choices: [{ index: 0, delta: {}, finish_reason: finishReason }],
          usage,
        }),
      );
    } else {
      events.push(chunk({}, finishReason, deltas.length), JSON.stringify({ response: '', usage }));
    }
    events.push('[DONE]');
    return events;
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

// One word is one token in the sim, except JSON bodies, which the character-based count prices.
function countContentTokens(content: string | null, jsonMode: boolean): number {
  if (content === null) return 0;
  return jsonMode ? countTokens(content) : content.split(' ').filter((word) => word !== '').length;
}

/**
 * Prompt tokens served from the prefix cache: those of the previous messages of the same session
 * when this prompt repeats them all first (https://developers.cloudflare.com/workers-ai/features/prompt-caching/).
 */
function cachedPromptTokens(messages: unknown, prefix: unknown[] | undefined, promptTokens: number): number {
  if (
    !Array.isArray(messages) ||
    prefix === undefined ||
    prefix.length === 0 ||
    prefix.length > messages.length
  ) {
    return 0;
  }
  const repeated = prefix.every(
    (message, index) => JSON.stringify(message) === JSON.stringify(messages[index]),
  );
  if (!repeated) return 0;
  return Math.min(readChatInput({ messages: prefix }, { vision: false }).promptTokens, promptTokens);
}
