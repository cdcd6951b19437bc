import {
  DEFAULT_MODELS,
  type GatewayRequest,
  readJsonBody,
  requestConfig,
  resolveModel,
  runWithFallbacks,
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
  const requested = chat.image.model ?? DEFAULT_MODELS.image;
  const id = `chatcmpl-${crypto.randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  const prompt = chat.image.prompt;
  if (!chat.stream) {
    // Nothing is sent before the images are made, so the model's fallback chain may answer.
    const { value, resolved, headers } = await runWithFallbacks(
      request,
      requested,
      'text-to-image',
      (candidate) =>
        generateImages(request, env, context, {
          resolved: candidate,
          image: { ...chat.image, n: chat.choices },
          size: resolveImageSize(chat.image.size, imageLimitsFor(candidate.model, candidate.entry)),
          needsUrls: true,
          signal: request.signal,
        }),
    );
    const made = value.images.map((image) => formatImageMarkdown(prompt, image.url ?? ''));
    return Response.json(createImageChatCompletion({ id, created, model: resolved.model }, prompt, made), {
      headers,
    });
  }
  // Streamed: the role chunk may be out before the image is made, so the asked model answers alone.
  const resolved = resolveModel(requested, {
    aliases: requestConfig(request).modelAliases,
    task: 'text-to-image',
  });
  const size = resolveImageSize(chat.image.size, imageLimitsFor(resolved.model, resolved.entry));
  const identity = { id, created, model: resolved.model };
  const upstreamAbort = new AbortController();
  request.signal.addEventListener('abort', () => upstreamAbort.abort(request.signal.reason), { once: true });
  let callsStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    callsStarted = resolve;
  });
  const headers = new Headers();
  if (resolved.replacedFrom !== undefined) {
    headers.set('x-model-replaced', `${resolved.replacedFrom} -> ${resolved.model}`);
  }
  const contents = generateImages(request, env, context, {
    resolved,
    image: { ...chat.image, n: chat.choices },
    size,
    needsUrls: true,
    signal: upstreamAbort.signal,
    afterResponse: true,
    onCallsStart: callsStarted,
  }).then((result) => result.images.map((made) => formatImageMarkdown(prompt, made.url ?? '')));
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
