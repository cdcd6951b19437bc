import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';
import { validateOpenAiRequestBody } from './validate-openai-request-body';

// OpenAI's own limit on inputs per request.
const MAXIMUM_INPUTS = 2048;

const embeddingSchema = v.object({
  model: v.pipe(v.string(), v.minLength(1)),
  input: v.unknown(),
  encoding_format: v.nullish(v.picklist(['float', 'base64']), 'float'),
  dimensions: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(1))),
  user: v.nullish(v.string()),
});

/** A validated `POST /v1/embeddings` body, its input normalised to a list of texts. */
export type EmbeddingRequest = Omit<v.InferOutput<typeof embeddingSchema>, 'input' | 'encoding_format'> & {
  inputs: string[];
  encoding_format: 'float' | 'base64';
};

/**
 * Validates `POST /v1/embeddings`: `input` is a non-empty string or a non-empty array of up to
 * 2048 non-empty strings. Token-ID inputs (numbers or arrays of numbers) cannot be decoded for
 * Workers AI's models and are a 400 naming `input`.
 */
export function parseEmbeddingRequest(body: unknown): EmbeddingRequest {
  const { input, encoding_format, ...request } = validateOpenAiRequestBody(embeddingSchema, body);
  let inputs: string[];
  if (typeof input === 'string') inputs = [input];
  else if (Array.isArray(input) && input.length > 0 && input.every((item) => typeof item === 'string'))
    inputs = input as string[];
  else if (
    Array.isArray(input) &&
    input.length > 0 &&
    input.every((item) => typeof item === 'number' || Array.isArray(item))
  )
    throw invalidRequest('Token-ID inputs are not supported; send the input as text.', 'input');
  else throw invalidRequest("'input' must be a string or a non-empty array of strings.", 'input');
  if (inputs.length > MAXIMUM_INPUTS) {
    throw invalidRequest(`'input' may hold at most ${MAXIMUM_INPUTS} texts.`, 'input');
  }
  const empty = inputs.indexOf('');
  if (empty >= 0)
    throw invalidRequest(
      "'input' must not contain empty strings.",
      inputs.length > 1 ? `input[${empty}]` : 'input',
    );
  return { ...request, inputs, encoding_format: encoding_format ?? 'float' };
}
