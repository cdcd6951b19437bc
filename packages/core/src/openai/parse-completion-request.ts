import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { samplingEntries } from './parse-chat-completion-request';
import { validateOpenAiRequestBody } from './validate-openai-request-body';

const completionSchema = v.object({
  ...samplingEntries,
  prompt: v.unknown(),
  echo: v.nullish(v.boolean()),
  suffix: v.nullish(v.string()),
  best_of: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(1))),
  logprobs: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5))),
});

/** A validated `POST /v1/completions` body, its prompt normalised to a list of strings. */
export type CompletionRequest = Omit<v.InferOutput<typeof completionSchema>, 'prompt'> & {
  prompts: string[];
};

/**
 * Validates a legacy `POST /v1/completions` body. `prompt` may be a string or an array of strings
 * (one choice per prompt, times `n`); token-ID prompts cannot be decoded for Workers AI's models
 * and are refused, as are `echo`, `suffix`, `best_of` > `n` and `logprobs`, which Workers AI
 * cannot honour, with a 400 naming the field.
 */
export function parseCompletionRequest(body: unknown): CompletionRequest {
  const { prompt, ...request } = validateOpenAiRequestBody(completionSchema, body);
  let prompts: string[];
  if (typeof prompt === 'string') prompts = [prompt];
  else if (Array.isArray(prompt) && prompt.length > 0 && prompt.every((item) => typeof item === 'string'))
    prompts = prompt as string[];
  else if (
    Array.isArray(prompt) &&
    prompt.length > 0 &&
    prompt.every((item) => typeof item === 'number' || Array.isArray(item))
  )
    throw invalidRequest('Token-ID prompts are not supported; send the prompt as text.', 'prompt');
  else throw invalidRequest("'prompt' must be a string or a non-empty array of strings.", 'prompt');
  if (prompts.some((item) => item === '')) throw invalidRequest("'prompt' must not be empty.", 'prompt');
  if (prompts.length * (request.n ?? 1) > 8) {
    throw invalidRequest('At most 8 choices (prompts × n) are supported per request.', 'n');
  }
  if (request.echo === true) throw invalidRequest('echo is not supported by Workers AI models.', 'echo');
  if (request.suffix != null && request.suffix !== '') {
    throw invalidRequest('suffix (fill-in-the-middle) is not supported by Workers AI models.', 'suffix');
  }
  if (request.best_of != null && request.best_of !== (request.n ?? 1)) {
    throw invalidRequest('best_of is not supported; use n.', 'best_of');
  }
  if (request.logprobs != null && request.logprobs > 0) {
    throw invalidRequest('Workers AI does not return token log probabilities.', 'logprobs');
  }
  if (request.stream_options != null && request.stream !== true) {
    throw invalidRequest("'stream_options' is only allowed when 'stream' is true.", 'stream_options');
  }
  return { ...request, prompts };
}
