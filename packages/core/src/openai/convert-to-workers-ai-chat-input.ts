import { invalidRequest } from '../errors/gateway-error';
import type { CatalogModel } from '../workers-ai/catalog/catalog-model';
import type { ChatCompletionMessage, ChatCompletionRequest } from './parse-chat-completion-request';

/** What a chat or legacy completion asks the model to do, in OpenAI's terms. */
export type ChatGenerationSource = Partial<
  Pick<
    ChatCompletionRequest,
    | 'messages'
    | 'max_tokens'
    | 'max_completion_tokens'
    | 'temperature'
    | 'top_p'
    | 'top_k'
    | 'seed'
    | 'frequency_penalty'
    | 'presence_penalty'
    | 'stop'
    | 'tools'
    | 'tool_choice'
    | 'parallel_tool_calls'
    | 'response_format'
    | 'reasoning_effort'
    | 'logit_bias'
  >
> & {
  /** `/v1/completions`: a bare prompt instead of messages. */
  prompt?: string;
};

/** One Workers AI text-generation call and what the gateway must do around it. */
export interface WorkersAiChatCall {
  /** The upstream inputs, without `stream` (the client adds it). */
  inputs: Record<string, unknown>;
  /** Which output family to expect: legacy `{response}` or OpenAI `chat.completion`. */
  family: 'legacy' | 'openai';
  /** The completion limit in force (the client's, else the model's default), for `length`. */
  maxTokens: number | undefined;
  /** Stop sequences the gateway enforces on the text it forwards. */
  stop: string[];
  /** The client asked for JSON; the answer's content is a JSON string. */
  jsonMode: boolean;
  /** The model writes its reasoning inline in `<think>` blocks (qwq, deepseek-r1). */
  thinkTags: boolean;
}

// Legacy models validate `seed` as 1..9999999999 (their input schema); OpenAI allows any integer.
const LEGACY_SEED_MAXIMUM = 9_999_999_999;

function flattenText(content: ChatCompletionMessage['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : ''))
    .filter((text) => text !== '')
    .join('\n');
}

function convertMessages(
  messages: readonly ChatCompletionMessage[],
  entry: CatalogModel | undefined,
  requested: string,
): Record<string, unknown>[] {
  const toolNames = new Map<string, string>();
  return messages.map((message, messageIndex) => {
    switch (message.role) {
      case 'system':
      case 'developer':
        // Workers AI knows no `developer` role; it is OpenAI's new name for the system prompt.
        return { role: 'system', content: flattenText(message.content) };
      case 'user': {
        if (typeof message.content === 'string') return { role: 'user', content: message.content };
        const imageAt = message.content.findIndex((part) => part.type === 'image_url');
        if (imageAt < 0) return { role: 'user', content: flattenText(message.content) };
        if (entry !== undefined && entry.capabilities?.vision !== true) {
          throw invalidRequest(
            `The model '${requested}' does not accept images; choose a vision model such as '@cf/meta/llama-4-scout-17b-16e-instruct'.`,
            `messages[${messageIndex}].content[${imageAt}]`,
          );
        }
        // Vision models take OpenAI-style content parts (Workers AI changelog, 2026-02).
        const parts = message.content.map((part) =>
          part.type === 'text'
            ? { type: 'text', text: part.text }
            : { type: 'image_url', image_url: { url: part.image_url.url } },
        );
        return { role: 'user', content: parts };
      }
      case 'assistant': {
        const converted: Record<string, unknown> = {
          role: 'assistant',
          content: flattenText(message.content),
        };
        if (message.tool_calls && message.tool_calls.length > 0) {
          for (const call of message.tool_calls) toolNames.set(call.id, call.function.name);
          converted.tool_calls = message.tool_calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: call.function.arguments },
          }));
        }
        return converted;
      }
      default: {
        // The `tool` role, the only one left.
        // Legacy models match a tool result to its call by `name` (workers-ai-provider sends both).
        const name = toolNames.get(message.tool_call_id);
        return {
          role: 'tool',
          content: flattenText(message.content),
          tool_call_id: message.tool_call_id,
          ...(name === undefined ? {} : { name }),
        };
      }
    }
  });
}

function normaliseStop(stop: ChatGenerationSource['stop']): string[] {
  if (stop == null) return [];
  return (typeof stop === 'string' ? [stop] : stop).filter((sequence) => sequence !== '');
}

/**
 * Builds the Workers AI inputs for a chat (or legacy completion) request on `model`.
 *
 * Legacy models get `messages`/`prompt`, `max_tokens`, sampling fields, `tools` and a bare-schema
 * `response_format`; never `stop` (their schema rejects it with 5006) nor `tool_choice`, which the
 * gateway enforces or approximates itself. OpenAI-schema models get the OpenAI fields as they are.
 * Capabilities are checked against the catalog: images for text-only models, tools or JSON mode
 * for models without them, and a `max_tokens` past the context window are 400s naming `param`.
 * Uncatalogued `@cf/...` models are trusted and passed through.
 */
export function convertToWorkersAiChatInput(
  source: ChatGenerationSource,
  target: { model: string; entry: CatalogModel | undefined; requested?: string },
): WorkersAiChatCall {
  const { entry } = target;
  const requested = target.requested ?? target.model;
  const family = entry?.family === 'openai-chat' ? 'openai' : 'legacy';
  const inputs: Record<string, unknown> = {};
  if (source.prompt !== undefined) inputs.prompt = source.prompt;
  else inputs.messages = convertMessages(source.messages ?? [], entry, requested);

  const maxTokensParam = source.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
  const requestedMaxTokens = source.max_completion_tokens ?? source.max_tokens ?? undefined;
  if (
    requestedMaxTokens !== undefined &&
    entry?.contextWindow !== undefined &&
    requestedMaxTokens > entry.contextWindow
  ) {
    throw invalidRequest(
      `${maxTokensParam} is ${requestedMaxTokens}, but '${requested}' has a context window of ${entry.contextWindow} tokens.`,
      maxTokensParam,
    );
  }
  if (requestedMaxTokens !== undefined)
    inputs[family === 'openai' ? maxTokensParam : 'max_tokens'] = requestedMaxTokens;
  if (source.temperature != null) inputs.temperature = source.temperature;
  if (source.top_p != null) inputs.top_p = source.top_p;
  // Legacy models' schemas cap top_k at 50; past that it samples from (almost) everything anyway.
  if (source.top_k != null) inputs.top_k = family === 'legacy' ? Math.min(source.top_k, 50) : source.top_k;
  if (source.frequency_penalty != null) inputs.frequency_penalty = source.frequency_penalty;
  if (source.presence_penalty != null) inputs.presence_penalty = source.presence_penalty;
  if (source.seed != null) {
    inputs.seed = family === 'openai' ? source.seed : Math.abs(source.seed) % LEGACY_SEED_MAXIMUM || 1;
  }

  const toolChoice = source.tool_choice;
  let tools = toolChoice === 'none' ? [] : (source.tools ?? []);
  if (tools.length > 0 && entry !== undefined && entry.capabilities?.tools !== true) {
    throw invalidRequest(`The model '${requested}' does not support tool calling.`, 'tools');
  }
  if (family === 'legacy' && typeof toolChoice === 'object' && toolChoice !== null) {
    // Legacy models have no `tool_choice`; offering only the named tool is the closest they get.
    tools = tools.filter((tool) => tool.function.name === toolChoice.function.name);
  }
  if (tools.length > 0) {
    inputs.tools = tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.function.name,
        ...(tool.function.description === undefined ? {} : { description: tool.function.description }),
        parameters: tool.function.parameters ?? { type: 'object', properties: {} },
      },
    }));
    if (family === 'openai' && toolChoice != null) inputs.tool_choice = toolChoice;
    if (family === 'openai' && source.parallel_tool_calls != null) {
      inputs.parallel_tool_calls = source.parallel_tool_calls;
    }
  }

  const format = source.response_format;
  const jsonMode = format != null && format.type !== 'text';
  if (jsonMode && entry !== undefined && entry.capabilities?.jsonMode !== true) {
    throw invalidRequest(`The model '${requested}' does not support JSON mode.`, 'response_format');
  }
  if (format?.type === 'json_object') inputs.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') {
    const schema = format.json_schema.schema ?? { type: 'object' };
    // https://developers.cloudflare.com/workers-ai/features/json-mode/: legacy models take the bare
    // schema in `json_schema`, not OpenAI's `{name, schema}` wrapper.
    inputs.response_format =
      family === 'openai'
        ? {
            type: 'json_schema',
            json_schema: {
              name: format.json_schema.name,
              schema,
              ...(format.json_schema.strict == null ? {} : { strict: format.json_schema.strict }),
            },
          }
        : { type: 'json_schema', json_schema: schema };
  }

  const stop = normaliseStop(source.stop);
  if (family === 'openai') {
    if (stop.length > 0) inputs.stop = stop;
    if (source.reasoning_effort != null) {
      inputs.reasoning_effort = source.reasoning_effort === 'minimal' ? 'low' : source.reasoning_effort;
    }
    if (source.logit_bias != null && Object.keys(source.logit_bias).length > 0)
      inputs.logit_bias = source.logit_bias;
  } else if (source.logit_bias != null && Object.keys(source.logit_bias).length > 0) {
    throw invalidRequest(`The model '${requested}' does not support logit_bias.`, 'logit_bias');
  }

  return {
    inputs,
    family,
    maxTokens: requestedMaxTokens ?? entry?.defaultMaxTokens,
    stop,
    jsonMode,
    thinkTags: family === 'legacy' && entry?.capabilities?.reasoning === true,
  };
}
