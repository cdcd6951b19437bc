import { checkContextWindow } from './check-context-window';
import { countTokens } from './count-tokens';
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

// Parameters of the legacy models' pages on developers.cloudflare.com. There is no `stop`: sending it
// is the classic 5006 "Additional or unevaluated properties '/stop'".
const legacySchema: InputSchema = {
  oneOf: ['prompt', 'messages'],
  properties: {
    prompt: { type: 'string', minLength: 1, maxLength: 131072 },
    raw: { type: 'boolean' },
    lora: { type: 'string' },
    messages: { type: 'array' },
    image: { type: 'string-or-array' },
    functions: { type: 'array' },
    tools: { type: 'array' },
    response_format: { type: 'object' },
    stream: { type: 'boolean' },
    max_tokens: { type: 'integer', minimum: 1 },
    temperature: { type: 'number', minimum: 0, maximum: 5 },
    top_p: { type: 'number', minimum: 0, maximum: 2 },
    top_k: { type: 'integer', minimum: 1, maximum: 50 },
    seed: { type: 'integer', minimum: 1, maximum: 9999999999 },
    repetition_penalty: { type: 'number', minimum: 0, maximum: 2 },
    frequency_penalty: { type: 'number', minimum: -2, maximum: 2 },
    presence_penalty: { type: 'number', minimum: -2, maximum: 2 },
  },
};

/** Legacy text generation: `{response, tool_calls, usage}`, streamed as `{"response":…,"p":…}` events. */
export function runLegacyText(
  request: ModelRequest,
  family: Extract<ModelFamily, { kind: 'legacy-text' }>,
): ModelRun {
  const { inputs, model } = request;
  validateInputs(inputs, legacySchema);
  const chat = readChatInput(inputs, { vision: family.vision === true });
  const maxTokens = typeof inputs.max_tokens === 'number' ? inputs.max_tokens : 256;
  checkContextWindow(chat.promptTokens + maxTokens, family.contextWindow);
  const price = (completionTokens: number) =>
    (chat.promptTokens * family.rates[0] + completionTokens * family.rates[1]) / 1e6;
  const usageFor = (completionTokens: number) => ({
    prompt_tokens: chat.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: chat.promptTokens + completionTokens,
  });

  const format = readResponseFormat(inputs.response_format);
  if (format) {
    const response = synthesizeJson(
      format.schema ?? { type: 'object', properties: { reply: { type: 'string' } } },
      {
        requiredOnly: false,
      },
    );
    const completionTokens = countTokens(JSON.stringify(response));
    // JSON mode does not stream: `stream: true` still gets one JSON body (observed upstream quirk).
    return {
      output: { kind: 'json', result: { response, tool_calls: [], usage: usageFor(completionTokens) } },
      neurons: price(completionTokens),
    };
  }

  const translation = synthesizeTranslation(chat.lastUserText);
  if (translation !== undefined) {
    // A translation prompt: checkable JSON, priced by characters.
    const completionTokens = countTokens(translation);
    const usage = usageFor(completionTokens);
    const neurons = price(completionTokens);
    if (inputs.stream === true) {
      const events = [
        JSON.stringify({ response: translation, tool_calls: [], p: makePadding(`${model}:translation`) }),
        JSON.stringify({ response: '', usage }),
        '[DONE]',
      ];
      return { output: { kind: 'events', events }, neurons };
    }
    return { output: { kind: 'json', result: { response: translation, tool_calls: [], usage } }, neurons };
  }

  const toolCall = pickToolCall(inputs.tools ?? inputs.functions, undefined, chat.lastUserText);
  const reply = toolCall
    ? { reasoning: [], answer: [], finishReason: 'stop' as const }
    : synthesizeReply({
        model,
        lastUserText: chat.lastUserText,
        turn: chat.turn,
        maxTokens,
        reasoning: family.reasoning === true,
      });
  const pieces = toPieces(reply.reasoning, reply.answer);
  const completionTokens = toolCall
    ? countTokens(JSON.stringify(toolCall))
    : reply.reasoning.length + reply.answer.length;
  const usage = usageFor(completionTokens);
  const toolCalls = toolCall ? [toolCall] : [];
  const neurons = price(completionTokens);

  if (inputs.stream === true) {
    const events = toolCall
      ? [JSON.stringify({ response: '', tool_calls: toolCalls, p: makePadding(`${model}:tool`) })]
      : pieces.map((piece, index) =>
          JSON.stringify({ response: piece, tool_calls: [], p: makePadding(`${model}:${index}:${piece}`) }),
        );
    events.push(JSON.stringify({ response: '', usage }), '[DONE]');
    return { output: { kind: 'events', events }, neurons };
  }
  return {
    output: { kind: 'json', result: { response: pieces.join(''), tool_calls: toolCalls, usage } },
    neurons,
  };
}

function readResponseFormat(value: unknown): { schema?: unknown } | undefined {
  if (value === undefined) return undefined;
  const record = value as Record<string, unknown>;
  if (record.type === 'json_object') return {};
  if (record.type === 'json_schema') return { schema: record.json_schema };
  throw new SimulatorError(
    5006,
    "Value at '/response_format/type' is not one of 'json_object', 'json_schema'",
  );
}

// Reasoning models open with `<think>` and close it before the answer, as qwq and deepseek-r1 do.
function toPieces(reasoning: string[], answer: string[]): string[] {
  const pieces: string[] = [];
  reasoning.forEach((word, index) => {
    const isLast = index === reasoning.length - 1;
    pieces.push(`${index === 0 ? '<think>\n' : ''}${word}${isLast ? '\n</think>\n\n' : ' '}`);
  });
  answer.forEach((word, index) => {
    pieces.push(index === answer.length - 1 ? word : `${word} `);
  });
  return pieces;
}
