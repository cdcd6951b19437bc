import { GatewayError } from '../errors/gateway-error';
import type { ChatCompletionMessage, ChatCompletionRequest } from './parse-chat-completion-request';
import type { ResponsesInputItem, ResponsesRequest } from './parse-responses-request';

type UserPart = Extract<ChatCompletionMessage, { role: 'user' }>['content'] extends infer Content
  ? Content extends readonly (infer Part)[]
    ? Part
    : never
  : never;
type AssistantMessage = Extract<ChatCompletionMessage, { role: 'assistant' }>;
type ToolCall = NonNullable<AssistantMessage['tool_calls']>[number];

/** What a Responses request continues: the stored conversation and the items it may reference. */
export interface ResponsesContext {
  /** The conversation of `previous_response_id` (its input and output), oldest first. */
  previous?: readonly ChatCompletionMessage[];
  /** Stored items by id, for `item_reference` inputs. */
  items?: ReadonlyMap<string, ResponsesInputItem>;
}

/** The converted request, and the messages its own input added (what a stored response keeps). */
export interface ConvertedResponsesRequest {
  chat: ChatCompletionRequest;
  inputMessages: ChatCompletionMessage[];
}

function partsText(parts: readonly { type: string; text?: string; refusal?: string }[]): string {
  return parts
    .map((part) => part.text ?? part.refusal ?? '')
    .filter((text) => text !== '')
    .join('\n');
}

/** Input items as chat messages: an assistant turn's text and calls become one assistant message. */
function convertItems(
  items: readonly ResponsesInputItem[],
  references: ReadonlyMap<string, ResponsesInputItem>,
): ChatCompletionMessage[] {
  const messages: ChatCompletionMessage[] = [];
  let assistant: { content: string; calls: ToolCall[] } | undefined;
  const flush = () => {
    if (assistant === undefined) return;
    messages.push({
      role: 'assistant',
      content: assistant.content,
      ...(assistant.calls.length === 0 ? {} : { tool_calls: assistant.calls }),
    });
    assistant = undefined;
  };
  const visit = (entry: ResponsesInputItem, index: number): void => {
    switch (entry.type) {
      case 'item_reference': {
        const stored = references.get(entry.id);
        if (stored === undefined) {
          throw new GatewayError(404, 'not_found', `Item with id '${entry.id}' not found.`, {
            param: `input[${index}].id`,
          });
        }
        visit(stored, index);
        return;
      }
      case 'reasoning':
        // The model's earlier reasoning: Workers AI models do not take it back.
        return;
      case 'function_call':
        assistant ??= { content: '', calls: [] };
        assistant.calls.push({
          id: entry.call_id,
          type: 'function',
          function: { name: entry.name, arguments: entry.arguments },
        });
        return;
      case 'function_call_output':
        flush();
        messages.push({
          role: 'tool',
          tool_call_id: entry.call_id,
          content: typeof entry.output === 'string' ? entry.output : partsText(entry.output),
        });
        return;
      default:
        break;
    }
    if (entry.role === 'assistant') {
      const text = typeof entry.content === 'string' ? entry.content : partsText(entry.content);
      if (assistant !== undefined && assistant.calls.length > 0) flush();
      assistant ??= { content: '', calls: [] };
      assistant.content += text;
      return;
    }
    flush();
    if (entry.role === 'system' || entry.role === 'developer') {
      const text = typeof entry.content === 'string' ? entry.content : partsText(entry.content);
      messages.push({ role: 'system', content: text });
      return;
    }
    if (typeof entry.content === 'string') {
      messages.push({ role: 'user', content: entry.content });
      return;
    }
    const parts: UserPart[] = [];
    for (const part of entry.content) {
      if (part.type === 'input_image' && part.image_url != null) {
        parts.push({ type: 'image_url', image_url: { url: part.image_url } });
      } else if (part.type === 'input_text' || part.type === 'output_text') {
        parts.push({ type: 'text', text: part.text });
      }
    }
    const textOnly = parts.every((part) => part.type === 'text');
    messages.push({
      role: 'user',
      content: textOnly ? parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n') : parts,
    });
  };
  items.forEach((entry, index) => {
    visit(entry, index);
  });
  flush();
  return messages;
}

function reasoningEffortOf(request: ResponsesRequest): ChatCompletionRequest['reasoning_effort'] {
  const effort = request.reasoning?.effort;
  if (effort == null || effort === 'none') return undefined;
  return effort === 'xhigh' ? 'high' : effort;
}

function responseFormatOf(request: ResponsesRequest): ChatCompletionRequest['response_format'] {
  const format = request.text?.format;
  if (format == null || format.type !== 'json_schema') return format ?? undefined;
  return {
    type: 'json_schema',
    json_schema: {
      name: format.name,
      schema: format.schema,
      ...(format.description == null ? {} : { description: format.description }),
      ...(format.strict == null ? {} : { strict: format.strict }),
    },
  };
}

/**
 * The internal chat request (Chat Completions' shape) of a Responses request, so that
 * `/v1/responses` runs on the same chat core as `/v1/chat/completions`: `instructions` becomes
 * the system message (not carried over by `previous_response_id`, as OpenAI does), the previous
 * response's conversation comes next, then the input items — messages with text and image
 * parts, `function_call` items as the assistant's tool calls (merged with its text into one
 * assistant message), `function_call_output` items as tool messages, `item_reference`s resolved
 * from the store, reasoning items dropped. `text.format` is the response format,
 * `max_output_tokens` the completion limit, `reasoning.effort` the reasoning effort.
 */
export function convertResponsesToChatRequest(
  request: ResponsesRequest,
  context: ResponsesContext = {},
): ConvertedResponsesRequest {
  const inputMessages =
    typeof request.input === 'string'
      ? [{ role: 'user' as const, content: request.input }]
      : convertItems(request.input, context.items ?? new Map());
  const instructions =
    request.instructions == null || request.instructions === '' ? [] : [request.instructions];
  const tools = request.tools?.map((entry) => ({
    type: 'function' as const,
    function: {
      name: entry.name,
      ...(entry.description == null ? {} : { description: entry.description }),
      ...(entry.parameters == null ? {} : { parameters: entry.parameters }),
      ...(entry.strict == null ? {} : { strict: entry.strict }),
    },
  }));
  const toolChoice = request.tool_choice;
  const reasoningEffort = reasoningEffortOf(request);
  const responseFormat = responseFormatOf(request);
  const chat: ChatCompletionRequest = {
    model: request.model,
    messages: [
      ...instructions.map((content) => ({ role: 'system' as const, content })),
      ...(context.previous ?? []),
      ...inputMessages,
    ],
    stream: request.stream === true,
    ...(request.max_output_tokens == null ? {} : { max_tokens: request.max_output_tokens }),
    ...(request.temperature == null ? {} : { temperature: request.temperature }),
    ...(request.top_p == null ? {} : { top_p: request.top_p }),
    ...(tools === undefined || tools.length === 0 ? {} : { tools }),
    ...(toolChoice == null
      ? {}
      : {
          tool_choice:
            typeof toolChoice === 'string'
              ? toolChoice
              : { type: 'function', function: { name: toolChoice.name } },
        }),
    ...(request.parallel_tool_calls == null ? {} : { parallel_tool_calls: request.parallel_tool_calls }),
    ...(responseFormat === undefined ? {} : { response_format: responseFormat }),
    ...(reasoningEffort === undefined ? {} : { reasoning_effort: reasoningEffort }),
  };
  return { chat, inputMessages };
}
