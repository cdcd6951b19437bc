import { invalidRequest } from '@workers-ai-gateways/core';
import * as v from 'valibot';
import { type ImageRequest, parseImageRequest } from './parse-image-request';

/** A chat completion request turned into an image request (the guide's trick for chat UIs). */
export interface ImageChatRequest {
  image: ImageRequest;
  /** Chat `n`: how many choices, each with its own image. */
  choices: number;
  stream: boolean;
  includeUsage: boolean;
}

const contentPart = v.looseObject({ type: v.string(), text: v.optional(v.unknown()) });
const message = v.looseObject({
  role: v.string('must be a string'),
  content: v.nullish(
    v.union([v.string(), v.array(contentPart)], 'must be a string or an array of content parts'),
  ),
});
const chatSchema = v.looseObject({
  model: v.nullish(v.string()),
  messages: v.pipe(v.array(message, 'must be an array of messages'), v.minLength(1, 'must not be empty')),
  stream: v.nullish(v.boolean('must be a boolean')),
  stream_options: v.nullish(v.looseObject({ include_usage: v.nullish(v.boolean()) })),
  n: v.nullish(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(4))),
});

// Chat fields that carry over to the image request; everything else a chat client sends
// (temperature, max_tokens, tools, ...) has no meaning for an image model and is ignored.
const IMAGE_FIELDS = [
  'size',
  'quality',
  'style',
  'negative_prompt',
  'steps',
  'num_steps',
  'guidance',
  'seed',
  'user',
];

/**
 * Validates a `POST /v1/chat/completions` body for the image gateway: the prompt is the text of
 * the last user message (a string, or its text parts joined by newlines). `image_url` parts are
 * ignored and never fetched: no route of this gateway downloads a URL a client names. A last user
 * message without text is a 400 naming `messages`.
 */
export function parseImageChatRequest(body: Record<string, unknown>): ImageChatRequest {
  const result = v.safeParse(chatSchema, body);
  if (!result.success) {
    const issue = result.issues[0];
    const param = issue.path
      ?.map((item) => String(item.key))
      .join('.')
      .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    throw invalidRequest(`Invalid '${param ?? 'body'}': ${issue.message}.`, param);
  }
  const input = result.output;
  const lastUser = input.messages.findLast((item) => item.role === 'user');
  const content = lastUser?.content;
  const prompt =
    typeof content === 'string'
      ? content
      : (content ?? [])
          .filter((part) => part.type === 'text' && typeof part.text === 'string')
          .map((part) => part.text as string)
          .join('\n');
  if (prompt.trim() === '') {
    throw invalidRequest('The last user message must contain the text of the image prompt.', 'messages');
  }
  const extras: Record<string, unknown> = {};
  for (const field of IMAGE_FIELDS) if (field in body) extras[field] = body[field];
  return {
    image: parseImageRequest({ ...extras, prompt, model: input.model ?? undefined }),
    choices: input.n ?? 1,
    stream: input.stream === true,
    includeUsage: input.stream_options?.include_usage === true,
  };
}
