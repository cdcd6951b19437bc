import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { validateOpenAiRequestBody } from './validate-openai-request-body';

const inputText = v.object({ type: v.literal('input_text'), text: v.string() });
const inputImage = v.object({
  type: v.literal('input_image'),
  image_url: v.nullish(v.pipe(v.string(), v.minLength(1))),
  file_id: v.nullish(v.string()),
  detail: v.nullish(v.string()),
});
const inputFile = v.object({ type: v.literal('input_file') });
const outputText = v.object({ type: v.literal('output_text'), text: v.string() });
const refusal = v.object({ type: v.literal('refusal'), refusal: v.string() });

const message = v.object({
  type: v.literal('message'),
  role: v.picklist(['user', 'assistant', 'system', 'developer']),
  content: v.union([
    v.string(),
    v.array(v.variant('type', [inputText, inputImage, inputFile, outputText, refusal])),
  ]),
  id: v.nullish(v.string()),
  status: v.nullish(v.string()),
});

const functionCall = v.object({
  type: v.literal('function_call'),
  call_id: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.minLength(1)),
  arguments: v.string(),
  id: v.nullish(v.string()),
  status: v.nullish(v.string()),
});

const functionCallOutput = v.object({
  type: v.literal('function_call_output'),
  call_id: v.pipe(v.string(), v.minLength(1)),
  output: v.union([v.string(), v.array(v.variant('type', [inputText, inputImage, inputFile]))]),
  id: v.nullish(v.string()),
  status: v.nullish(v.string()),
});

// Reasoning from an earlier turn: kept by clients, not taken back by Workers AI models.
const reasoning = v.object({ type: v.literal('reasoning'), id: v.nullish(v.string()) });
const itemReference = v.object({ type: v.literal('item_reference'), id: v.pipe(v.string(), v.minLength(1)) });

const item = v.variant('type', [message, functionCall, functionCallOutput, reasoning, itemReference]);

const functionTool = v.object({
  type: v.literal('function'),
  name: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -')),
  description: v.nullish(v.string()),
  parameters: v.nullish(v.record(v.string(), v.unknown())),
  strict: v.nullish(v.boolean()),
});

const toolChoice = v.union([
  v.picklist(['none', 'auto', 'required']),
  v.object({ type: v.literal('function'), name: v.pipe(v.string(), v.minLength(1)) }),
]);

const format = v.variant('type', [
  v.object({ type: v.literal('text') }),
  v.object({ type: v.literal('json_object') }),
  v.object({
    type: v.literal('json_schema'),
    name: v.pipe(v.string(), v.minLength(1)),
    schema: v.record(v.string(), v.unknown()),
    description: v.nullish(v.string()),
    strict: v.nullish(v.boolean()),
  }),
]);

const responsesSchema = v.object({
  model: v.pipe(v.string(), v.minLength(1)),
  input: v.union([v.string(), v.pipe(v.array(item), v.minLength(1, 'must contain at least one item'))]),
  instructions: v.nullish(v.string()),
  tools: v.nullish(v.array(v.record(v.string(), v.unknown()))),
  tool_choice: v.nullish(toolChoice),
  parallel_tool_calls: v.nullish(v.boolean()),
  text: v.nullish(v.object({ format: v.nullish(format), verbosity: v.nullish(v.string()) })),
  max_output_tokens: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(1))),
  temperature: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  top_p: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  reasoning: v.nullish(
    v.object({
      effort: v.nullish(v.picklist(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])),
      summary: v.nullish(v.string()),
    }),
  ),
  metadata: v.nullish(v.record(v.string(), v.string())),
  user: v.nullish(v.string()),
  prompt_cache_key: v.nullish(v.string()),
  safety_identifier: v.nullish(v.string()),
  store: v.nullish(v.boolean()),
  previous_response_id: v.nullish(v.pipe(v.string(), v.minLength(1))),
  stream: v.nullish(v.boolean()),
  include: v.nullish(v.array(v.string())),
  truncation: v.nullish(v.picklist(['auto', 'disabled'])),
  service_tier: v.nullish(v.string()),
  background: v.nullish(v.boolean()),
  top_logprobs: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0))),
  conversation: v.nullish(v.unknown()),
  prompt: v.nullish(v.unknown()),
});

/** A validated `POST /v1/responses` body. */
export type ResponsesRequest = Omit<v.InferOutput<typeof responsesSchema>, 'tools'> & {
  tools?: v.InferOutput<typeof functionTool>[];
};
/** One input item of a Responses request. */
export type ResponsesInputItem = v.InferOutput<typeof item>;

// Easy input messages (`{role, content}`) carry no `type`; OpenAI reads them as messages.
function withItemTypes(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { input?: unknown }).input)) {
    return body;
  }
  const input = (body as { input: unknown[] }).input.map((entry) =>
    typeof entry === 'object' && entry !== null && !('type' in entry) && 'role' in entry
      ? { ...entry, type: 'message' }
      : entry,
  );
  return { ...body, input };
}

/**
 * Validates a `POST /v1/responses` body (OpenAI's Responses API) strictly, naming the field at
 * fault in `param`. Function tools are the only tools a Workers AI model can call: a built-in
 * tool (`web_search`, `file_search`, `code_interpreter`, `computer_use_preview`, `mcp`…) is a 400
 * naming `tools[i].type`, as are background mode, stored prompts and conversations, log
 * probabilities and file inputs, which the gateway cannot honour.
 */
export function parseResponsesRequest(body: unknown): ResponsesRequest {
  const request = validateOpenAiRequestBody(responsesSchema, withItemTypes(body));
  const tools = (request.tools ?? []).map((entry, index) => {
    if (entry.type !== 'function') {
      throw invalidRequest(
        `The tool type '${String(entry.type)}' is one of OpenAI's built-in tools, which Workers AI does not run; only 'function' tools are supported.`,
        `tools[${index}].type`,
      );
    }
    return validateOpenAiRequestBody(functionTool, entry);
  });
  if (request.background === true)
    throw invalidRequest('Background responses are not supported.', 'background');
  if (request.conversation != null) {
    throw invalidRequest("Conversations are not supported; use 'previous_response_id'.", 'conversation');
  }
  if (request.prompt != null) throw invalidRequest('Stored prompts are not supported.', 'prompt');
  if ((request.top_logprobs ?? 0) > 0) {
    throw invalidRequest('Workers AI does not return token log probabilities.', 'top_logprobs');
  }
  if (Array.isArray(request.input)) {
    request.input.forEach((entry, index) => {
      if (entry.type !== 'message' && entry.type !== 'function_call_output') return;
      const parts = entry.type === 'message' ? entry.content : entry.output;
      if (typeof parts === 'string') return;
      parts.forEach((part, partIndex) => {
        const param =
          entry.type === 'message'
            ? `input[${index}].content[${partIndex}]`
            : `input[${index}].output[${partIndex}]`;
        if (part.type === 'input_file') throw invalidRequest('File inputs are not supported.', param);
        if (part.type === 'input_image' && (part.image_url == null || part.image_url === '')) {
          throw invalidRequest(
            "Images must be given as 'image_url' (https: or data:); file ids are not supported.",
            param,
          );
        }
      });
    });
  }
  const choice = request.tool_choice;
  if (typeof choice === 'object' && choice !== null && !tools.some((entry) => entry.name === choice.name)) {
    throw invalidRequest(`tool_choice names '${choice.name}', which is not in 'tools'.`, 'tool_choice');
  }
  if ((choice === 'required' || typeof choice === 'object') && tools.length === 0) {
    throw invalidRequest("tool_choice asks for a tool call but 'tools' is empty.", 'tool_choice');
  }
  const { tools: _tools, ...rest } = request;
  return tools.length === 0 && request.tools == null ? rest : { ...rest, tools };
}
