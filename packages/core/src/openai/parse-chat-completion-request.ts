import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { validateOpenAiRequestBody } from './validate-openai-request-body';

const textPart = v.object({ type: v.literal('text'), text: v.string() });
const imagePart = v.object({
  type: v.literal('image_url'),
  image_url: v.object({ url: v.pipe(v.string(), v.minLength(1)), detail: v.optional(v.string()) }),
});
const refusalPart = v.object({ type: v.literal('refusal'), refusal: v.string() });
const textContent = v.union([v.string(), v.array(textPart)]);

const toolCall = v.object({
  id: v.string(),
  type: v.optional(v.literal('function'), 'function'),
  function: v.object({ name: v.pipe(v.string(), v.minLength(1)), arguments: v.string() }),
});

const message = v.variant('role', [
  v.object({ role: v.picklist(['system', 'developer']), content: textContent, name: v.optional(v.string()) }),
  v.object({
    role: v.literal('user'),
    content: v.union([v.string(), v.array(v.variant('type', [textPart, imagePart]))]),
    name: v.optional(v.string()),
  }),
  v.object({
    role: v.literal('assistant'),
    content: v.nullish(v.union([v.string(), v.array(v.variant('type', [textPart, refusalPart]))])),
    tool_calls: v.nullish(v.array(toolCall)),
    name: v.optional(v.string()),
  }),
  v.object({ role: v.literal('tool'), content: textContent, tool_call_id: v.string() }),
]);

const tool = v.object({
  type: v.literal('function'),
  function: v.object({
    name: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -')),
    description: v.optional(v.string()),
    parameters: v.optional(v.record(v.string(), v.unknown())),
    strict: v.nullish(v.boolean()),
  }),
});

const toolChoice = v.union([
  v.picklist(['none', 'auto', 'required']),
  v.object({ type: v.literal('function'), function: v.object({ name: v.string() }) }),
]);

const responseFormat = v.variant('type', [
  v.object({ type: v.literal('text') }),
  v.object({ type: v.literal('json_object') }),
  v.object({
    type: v.literal('json_schema'),
    json_schema: v.object({
      name: v.pipe(v.string(), v.minLength(1)),
      description: v.optional(v.string()),
      schema: v.optional(v.record(v.string(), v.unknown())),
      strict: v.nullish(v.boolean()),
    }),
  }),
]);

const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
const penalty = v.nullish(v.pipe(v.number(), v.minValue(-2), v.maxValue(2)));

/** Sampling fields shared by `/v1/chat/completions` and `/v1/completions`. */
export const samplingEntries = {
  model: v.pipe(v.string(), v.minLength(1)),
  max_tokens: v.nullish(positiveInteger),
  temperature: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  top_p: v.nullish(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  // Not OpenAI's, but vLLM's and most OpenAI-compatible servers' (and Anthropic's `top_k`).
  top_k: v.nullish(positiveInteger),
  seed: v.nullish(v.pipe(v.number(), v.integer())),
  frequency_penalty: penalty,
  presence_penalty: penalty,
  stop: v.nullish(v.union([v.string(), v.pipe(v.array(v.string()), v.maxLength(4))])),
  // OpenAI caps `n` at 128; Workers AI answers one completion per call, so the gateway makes `n`
  // calls and holds the line at 8 (vLLM's own `n` limit on the OpenAI-schema models).
  n: v.nullish(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8, 'at most 8 choices are supported')),
  ),
  stream: v.nullish(v.boolean()),
  stream_options: v.nullish(v.object({ include_usage: v.nullish(v.boolean()) })),
  user: v.nullish(v.string()),
  logit_bias: v.nullish(v.record(v.string(), v.number())),
} as const;

const chatCompletionSchema = v.object({
  ...samplingEntries,
  messages: v.pipe(v.array(message), v.minLength(1, 'must contain at least one message')),
  max_completion_tokens: v.nullish(positiveInteger),
  tools: v.nullish(v.array(tool)),
  tool_choice: v.nullish(toolChoice),
  parallel_tool_calls: v.nullish(v.boolean()),
  response_format: v.nullish(responseFormat),
  reasoning_effort: v.nullish(v.picklist(['minimal', 'low', 'medium', 'high'])),
  logprobs: v.nullish(v.boolean()),
  top_logprobs: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
  modalities: v.nullish(v.array(v.string())),
  audio: v.nullish(v.unknown()),
  functions: v.nullish(v.unknown()),
  function_call: v.nullish(v.unknown()),
});

/** A validated `POST /v1/chat/completions` body. */
export type ChatCompletionRequest = v.InferOutput<typeof chatCompletionSchema>;
/** One message of a chat request. */
export type ChatCompletionMessage = ChatCompletionRequest['messages'][number];
/** One tool the client offers the model. */
export type ChatCompletionTool = NonNullable<ChatCompletionRequest['tools']>[number];

/**
 * Validates a `POST /v1/chat/completions` body strictly: wrong types, empty `messages`, bad roles
 * and out-of-range sampling values are 400s naming `param`. Unknown fields are ignored, as OpenAI
 * adds them often; fields that would change the answer in a way Workers AI cannot honour
 * (`logprobs`, audio output, the deprecated `functions`) are refused rather than silently dropped.
 */
export function parseChatCompletionRequest(body: unknown): ChatCompletionRequest {
  const request = validateOpenAiRequestBody(chatCompletionSchema, body);
  if (request.logprobs === true || (request.top_logprobs ?? 0) > 0) {
    const param = request.logprobs === true ? 'logprobs' : 'top_logprobs';
    throw invalidRequest('Workers AI does not return token log probabilities.', param);
  }
  if (request.modalities?.some((modality) => modality !== 'text') || request.audio != null) {
    const param = request.audio != null ? 'audio' : 'modalities';
    throw invalidRequest('Only text output is supported; use /v1/audio/speech for audio.', param);
  }
  if (request.functions != null || request.function_call != null) {
    const param = request.functions != null ? 'functions' : 'function_call';
    throw invalidRequest("'functions' is deprecated and not supported; send 'tools' instead.", param);
  }
  if (request.stream_options != null && request.stream !== true) {
    throw invalidRequest("'stream_options' is only allowed when 'stream' is true.", 'stream_options');
  }
  const toolNames = new Set(request.tools?.map((entry) => entry.function.name));
  const choice = request.tool_choice;
  if (typeof choice === 'object' && choice !== null && !toolNames.has(choice.function.name)) {
    throw invalidRequest(
      `tool_choice names '${choice.function.name}', which is not in 'tools'.`,
      'tool_choice',
    );
  }
  if ((choice === 'required' || typeof choice === 'object') && toolNames.size === 0) {
    throw invalidRequest("tool_choice asks for a tool call but 'tools' is empty.", 'tool_choice');
  }
  return request;
}
