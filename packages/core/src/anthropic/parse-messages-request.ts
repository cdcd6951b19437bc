import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { validateOpenAiRequestBody } from '../openai/validate-openai-request-body';

const cacheControl = v.nullish(v.unknown());

const textBlock = v.object({
  type: v.literal('text'),
  text: v.string(),
  cache_control: cacheControl,
  citations: v.nullish(v.unknown()),
});

const imageBlock = v.object({
  type: v.literal('image'),
  source: v.variant('type', [
    v.object({
      type: v.literal('base64'),
      media_type: v.picklist(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
      data: v.pipe(v.string(), v.minLength(1)),
    }),
    v.object({ type: v.literal('url'), url: v.pipe(v.string(), v.url()) }),
  ]),
  cache_control: cacheControl,
});

// Plain-text documents are text the model reads; PDFs and files need a reader Workers AI lacks.
const documentBlock = v.object({
  type: v.literal('document'),
  source: v.object({ type: v.string(), media_type: v.optional(v.string()), data: v.optional(v.unknown()) }),
  title: v.nullish(v.string()),
  context: v.nullish(v.string()),
  cache_control: cacheControl,
  citations: v.nullish(v.unknown()),
});

const toolUseBlock = v.object({
  type: v.literal('tool_use'),
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.minLength(1)),
  input: v.record(v.string(), v.unknown()),
  cache_control: cacheControl,
});

const toolResultBlock = v.object({
  type: v.literal('tool_result'),
  tool_use_id: v.pipe(v.string(), v.minLength(1)),
  content: v.nullish(
    v.union([v.string(), v.array(v.variant('type', [textBlock, imageBlock, documentBlock]))]),
  ),
  is_error: v.nullish(v.boolean()),
  cache_control: cacheControl,
});

// Reasoning the model wrote in an earlier turn: kept by clients, not needed by Workers AI models.
const thinkingBlock = v.object({
  type: v.literal('thinking'),
  thinking: v.string(),
  signature: v.nullish(v.string()),
});
const redactedThinkingBlock = v.object({ type: v.literal('redacted_thinking'), data: v.string() });

const userBlock = v.variant('type', [textBlock, imageBlock, documentBlock, toolResultBlock]);
const assistantBlock = v.variant('type', [textBlock, toolUseBlock, thinkingBlock, redactedThinkingBlock]);

const message = v.variant('role', [
  v.object({
    role: v.literal('user'),
    content: v.union([v.string(), v.pipe(v.array(userBlock), v.minLength(1, 'must not be empty'))]),
  }),
  v.object({
    role: v.literal('assistant'),
    content: v.union([v.string(), v.array(assistantBlock)]),
  }),
]);

const tool = v.object({
  // Absent or `custom`: a tool the client runs. Anthropic's server tools have dated types.
  type: v.nullish(v.string()),
  name: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be 1–128 letters, digits, _ or -')),
  description: v.nullish(v.string()),
  input_schema: v.nullish(v.record(v.string(), v.unknown())),
  cache_control: cacheControl,
});

const toolChoice = v.variant('type', [
  v.object({ type: v.literal('auto'), disable_parallel_tool_use: v.nullish(v.boolean()) }),
  v.object({ type: v.literal('any'), disable_parallel_tool_use: v.nullish(v.boolean()) }),
  v.object({
    type: v.literal('tool'),
    name: v.pipe(v.string(), v.minLength(1)),
    disable_parallel_tool_use: v.nullish(v.boolean()),
  }),
  v.object({ type: v.literal('none') }),
]);

const thinking = v.variant('type', [
  v.object({ type: v.literal('enabled'), budget_tokens: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({ type: v.literal('disabled') }),
  v.object({ type: v.literal('adaptive') }),
]);

const system = v.union([v.string(), v.array(textBlock)]);

const countTokensEntries = {
  model: v.pipe(v.string(), v.minLength(1)),
  messages: v.pipe(v.array(message), v.minLength(1, 'must contain at least one message')),
  system: v.nullish(system),
  tools: v.nullish(v.array(tool)),
  tool_choice: v.nullish(toolChoice),
  thinking: v.nullish(thinking),
} as const;

const countTokensSchema = v.object(countTokensEntries);

const messagesSchema = v.object({
  ...countTokensEntries,
  max_tokens: v.pipe(v.number(), v.integer(), v.minValue(1)),
  stop_sequences: v.nullish(v.array(v.string())),
  temperature: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  top_p: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  top_k: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(1))),
  stream: v.nullish(v.boolean()),
  metadata: v.nullish(v.object({ user_id: v.nullish(v.string()) })),
  service_tier: v.nullish(v.string()),
  mcp_servers: v.nullish(v.array(v.unknown())),
});

/** A validated `POST /v1/messages/count_tokens` body. */
export type MessagesCountTokensRequest = v.InferOutput<typeof countTokensSchema>;
/** A validated `POST /v1/messages` body. */
export type MessagesRequest = v.InferOutput<typeof messagesSchema>;
/** One message of an Anthropic Messages request. */
export type MessagesMessage = MessagesCountTokensRequest['messages'][number];

function checkTools(request: MessagesCountTokensRequest): void {
  request.tools?.forEach((entry, index) => {
    if (entry.type != null && entry.type !== 'custom') {
      throw invalidRequest(
        `The tool type '${entry.type}' is one of Anthropic's server tools, which Workers AI does not run; only tools the client runs (with 'input_schema') are supported.`,
        `tools[${index}].type`,
      );
    }
  });
  const choice = request.tool_choice;
  if (choice?.type === 'tool' && !request.tools?.some((entry) => entry.name === choice.name)) {
    throw invalidRequest(`tool_choice names '${choice.name}', which is not in 'tools'.`, 'tool_choice.name');
  }
  if ((choice?.type === 'any' || choice?.type === 'tool') && (request.tools?.length ?? 0) === 0) {
    throw invalidRequest("tool_choice asks for a tool call but 'tools' is empty.", 'tool_choice');
  }
}

/**
 * Validates a `POST /v1/messages/count_tokens` body: the fields of a Messages request that make
 * up its prompt, with the same checks.
 */
export function parseMessagesCountTokensRequest(body: unknown): MessagesCountTokensRequest {
  const request = validateOpenAiRequestBody(countTokensSchema, body);
  checkTools(request);
  return request;
}

/**
 * Validates a `POST /v1/messages` body (Anthropic's Messages API) strictly, as Anthropic does:
 * `max_tokens` is required, `messages` alternate `user` / `assistant` blocks of the documented
 * types, sampling values are in Anthropic's ranges. Anthropic's server tools (`web_search_*`,
 * `bash_*`, `computer_*`…) and MCP servers are refused with a 400 naming the field, since no
 * Workers AI model runs them; cache-control marks and `service_tier` are accepted and ignored.
 */
export function parseMessagesRequest(body: unknown): MessagesRequest {
  const request = validateOpenAiRequestBody(messagesSchema, body);
  checkTools(request);
  if (request.mcp_servers != null && request.mcp_servers.length > 0) {
    throw invalidRequest(
      'MCP servers run by the API are not supported; connect them in the client.',
      'mcp_servers',
    );
  }
  return request;
}
