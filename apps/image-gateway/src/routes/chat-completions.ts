import {
  DEFAULT_MODELS,
  type GatewayRequest,
  readJsonBody,
  requestConfig,
  resolveModel,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { createImageChatCompletion } from '../image-chat/create-image-chat-completion';
import { createImageChatStream } from '../image-chat/create-image-chat-stream';
import { formatImageMarkdown } from '../image-chat/format-image-markdown';
import { generateImages } from '../images/generate-images';
import { imageLimitsFor } from '../images/image-limits-for';
import { parseImageChatRequest } from '../images/parse-image-chat-request';
import { resolveImageSize } from '../images/resolve-image-size';

/**
 * `POST /v1/chat/completions`, the guide's trick for chat UIs and OneAPI channels: the last user
 * message is the prompt, `model` any image model or alias, and the reply a chat completion whose
 * content is the markdown image `![prompt](url)`, streamed with proper framing when asked.
 */
export async function chatCompletions(
  request: GatewayRequest,
  env: Env,
  context: ExecutionContext,
): Promise<Response> {
  const chat = parseImageChatRequest(await readJsonBody(request));
  const resolved = resolveModel(chat.image.model ?? DEFAULT_MODELS.image, {
    aliases: requestConfig(request).modelAliases,
    task: 'text-to-image',
  });
  const size = resolveImageSize(chat.image.size, imageLimitsFor(resolved.model, resolved.entry));
  const identity = {
    id: `chatcmpl-${crypto.randomUUID().replaceAll('-', '')}`,
    created: Math.floor(Date.now() / 1000),
    model: resolved.model,
  };
  const upstreamAbort = new AbortController();
  request.signal.addEventListener('abort', () => upstreamAbort.abort(request.signal.reason), { once: true });
  const prompt = chat.image.prompt;
  let callsStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    callsStarted = resolve;
  });
  const contents = generateImages(request, env, context, {
    resolved,
    image: { ...chat.image, n: chat.choices },
    size,
    needsUrls: true,
    signal: upstreamAbort.signal,
    afterResponse: chat.stream,
    onCallsStart: callsStarted,
  }).then((result) => result.images.map((made) => formatImageMarkdown(prompt, made.url ?? '')));

  const headers = new Headers();
  if (resolved.replacedFrom !== undefined) {
    headers.set('x-model-replaced', `${resolved.replacedFrom} -> ${resolved.model}`);
  }
  if (!chat.stream) {
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(createImageChatCompletion(identity, prompt, await contents)), {
      headers,
    });
  }
  // What fails before the upstream calls start (a spent budget, a missing bucket, a model that
  // needs an input image) is still a plain error response with its status; only later failures
  // become an error event inside the stream.
  await Promise.race([started, contents]);
  // The stream reports a rejection as an error event; this only keeps it from being "unhandled"
  // when the client leaves before the stream reads it.
  contents.catch(() => undefined);
  headers.set('content-type', 'text/event-stream; charset=utf-8');
  headers.set('cache-control', 'no-cache');
  const body = createImageChatStream({
    identity,
    prompt,
    choices: chat.choices,
    includeUsage: chat.includeUsage,
    contents,
    onCancel: () => upstreamAbort.abort(),
  });
  return new Response(body, { headers });
}
