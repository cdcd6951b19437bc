import { invalidRequest } from '../errors/gateway-error';
import type {
  ChatCompletionMessage,
  ChatCompletionRequest,
  ChatCompletionTool,
} from '../openai/parse-chat-completion-request';
import type { MessagesCountTokensRequest, MessagesMessage, MessagesRequest } from './parse-messages-request';

type UserPart = Extract<ChatCompletionMessage, { role: 'user' }>['content'] extends infer Content
  ? Content extends readonly (infer Part)[]
    ? Part
    : never
  : never;

type ContentBlock = Exclude<MessagesMessage['content'], string>[number];

/** Thinking budgets to OpenAI's reasoning efforts: Anthropic's minimum is 1,024 tokens. */
function reasoningEffortOf(
  thinking: MessagesCountTokensRequest['thinking'],
): ChatCompletionRequest['reasoning_effort'] {
  if (thinking == null || thinking.type !== 'enabled') return undefined;
  if (thinking.budget_tokens <= 4096) return 'low';
  return thinking.budget_tokens <= 16_384 ? 'medium' : 'high';
}

function documentText(block: Extract<ContentBlock, { type: 'document' }>, path: string): string {
  if (block.source.type !== 'text' || typeof block.source.data !== 'string') {
    throw invalidRequest(
      `Documents of source type '${block.source.type}' are not supported; send the text as a 'text' document or block.`,
      `${path}.source.type`,
    );
  }
  return block.title == null ? block.source.data : `${block.title}\n\n${block.source.data}`;
}

function imageUrlOf(block: Extract<ContentBlock, { type: 'image' }>): string {
  return block.source.type === 'base64'
    ? `data:${block.source.media_type};base64,${block.source.data}`
    : block.source.url;
}

/** A tool result's text: Workers AI tool messages carry text only, so images follow as a user turn. */
function toolResultOf(
  block: Extract<ContentBlock, { type: 'tool_result' }>,
  path: string,
): { text: string; images: UserPart[] } {
  const images: UserPart[] = [];
  let text = '';
  if (typeof block.content === 'string') text = block.content;
  else {
    const texts: string[] = [];
    block.content?.forEach((part, index) => {
      if (part.type === 'text') texts.push(part.text);
      else if (part.type === 'document') texts.push(documentText(part, `${path}.content[${index}]`));
      else images.push({ type: 'image_url', image_url: { url: imageUrlOf(part) } });
    });
    text = texts.join('\n');
  }
  return { text: block.is_error === true ? `Error: ${text}` : text, images };
}

function convertUser(
  content: Exclude<MessagesMessage['content'], string>,
  messageIndex: number,
): ChatCompletionMessage[] {
  const converted: ChatCompletionMessage[] = [];
  const parts: UserPart[] = [];
  content.forEach((block, blockIndex) => {
    const path = `messages[${messageIndex}].content[${blockIndex}]`;
    switch (block.type) {
      case 'text':
        parts.push({ type: 'text', text: block.text });
        return;
      case 'image':
        parts.push({ type: 'image_url', image_url: { url: imageUrlOf(block) } });
        return;
      case 'document':
        parts.push({ type: 'text', text: documentText(block, path) });
        return;
      case 'tool_result': {
        // OpenAI's tool messages must follow the assistant's calls directly: they go first.
        const result = toolResultOf(block, path);
        converted.push({ role: 'tool', tool_call_id: block.tool_use_id, content: result.text });
        parts.push(...result.images);
        return;
      }
      default:
        throw invalidRequest(`A user message cannot hold a '${block.type}' block.`, `${path}.type`);
    }
  });
  if (parts.length > 0) {
    const textOnly = parts.every((part) => part.type === 'text');
    converted.push({
      role: 'user',
      content: textOnly ? parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n') : parts,
    });
  }
  return converted;
}

function convertAssistant(content: Exclude<MessagesMessage['content'], string>): ChatCompletionMessage {
  const texts: string[] = [];
  const toolCalls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] = [];
  for (const block of content) {
    if (block.type === 'text') texts.push(block.text);
    else if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id,
        type: 'function',
        function: { name: block.name, arguments: JSON.stringify(block.input) },
      });
    }
    // Thinking blocks: the model's earlier reasoning, which Workers AI models do not take back.
  }
  return {
    role: 'assistant',
    content: texts.join(''),
    ...(toolCalls.length === 0 ? {} : { tool_calls: toolCalls }),
  };
}

function convertTools(tools: MessagesCountTokensRequest['tools']): ChatCompletionTool[] | undefined {
  if (tools == null || tools.length === 0) return undefined;
  return tools.map((entry) => ({
    type: 'function',
    function: {
      name: entry.name,
      ...(entry.description == null ? {} : { description: entry.description }),
      parameters: entry.input_schema ?? { type: 'object', properties: {} },
    },
  }));
}

function convertToolChoice(
  choice: MessagesCountTokensRequest['tool_choice'],
): Pick<ChatCompletionRequest, 'tool_choice' | 'parallel_tool_calls'> {
  if (choice == null) return {};
  const parallel =
    'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true
      ? { parallel_tool_calls: false }
      : {};
  switch (choice.type) {
    case 'auto':
      return { tool_choice: 'auto', ...parallel };
    case 'any':
      return { tool_choice: 'required', ...parallel };
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: choice.name } }, ...parallel };
    default:
      return { tool_choice: 'none' };
  }
}

/** The prompt of a Messages request as chat messages: the system prompt first, then each turn. */
function convertPrompt(request: MessagesCountTokensRequest): ChatCompletionMessage[] {
  const messages: ChatCompletionMessage[] = [];
  const system =
    typeof request.system === 'string'
      ? request.system
      : (request.system ?? []).map((block) => block.text).join('\n');
  if (system !== '') messages.push({ role: 'system', content: system });
  request.messages.forEach((message, index) => {
    if (typeof message.content === 'string') {
      messages.push({ role: message.role, content: message.content });
    } else if (message.role === 'user') {
      messages.push(...convertUser(message.content, index));
    } else {
      messages.push(convertAssistant(message.content));
    }
  });
  return messages;
}

/**
 * The internal chat request (Chat Completions' shape) of an Anthropic Messages request, so that
 * `/v1/messages` runs on the same chat core as `/v1/chat/completions`: `system` becomes the
 * system message; `tool_use` blocks become the assistant's tool calls and `tool_result` blocks
 * tool messages (images in a result follow as a user turn, since tool messages carry text);
 * `image` blocks become image parts (base64 as `data:` URLs); `tools`' `input_schema` becomes
 * `parameters`; `tool_choice` `any` is `required`; `stop_sequences` is `stop`; an enabled
 * `thinking` budget picks a reasoning effort (≤ 4,096 tokens low, ≤ 16,384 medium, else high).
 * Earlier `thinking` blocks are dropped: Workers AI models do not take reasoning back.
 */
export function convertMessagesToChatRequest(request: MessagesRequest): ChatCompletionRequest {
  const tools = convertTools(request.tools);
  const reasoningEffort = reasoningEffortOf(request.thinking);
  return {
    model: request.model,
    messages: convertPrompt(request),
    max_tokens: request.max_tokens,
    ...(request.stop_sequences == null || request.stop_sequences.length === 0
      ? {}
      : { stop: request.stop_sequences }),
    ...(request.temperature == null ? {} : { temperature: request.temperature }),
    ...(request.top_p == null ? {} : { top_p: request.top_p }),
    ...(request.top_k == null ? {} : { top_k: request.top_k }),
    ...(tools === undefined ? {} : { tools, ...convertToolChoice(request.tool_choice) }),
    ...(reasoningEffort === undefined ? {} : { reasoning_effort: reasoningEffort }),
    stream: request.stream === true,
  };
}
