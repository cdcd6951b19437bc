import {
  createChatCompletionFramer,
  type GatewayRequest,
  noteSessionAffinity,
  parseChatCompletionRequest,
  readJsonBody,
} from '@workers-ai-gateways/core';
import { generateChat } from '../chat/generate-chat';
import { EVENT_STREAM_HEADERS } from '../chat/run-chat-generation';

/**
 * `POST /v1/chat/completions`: OpenAI Chat Completions on Workers AI, streamed or not, for both
 * upstream output families, through the one chat core (`generateChat`): tool calls, JSON mode,
 * vision, reasoning, stop sequences, `n` > 1 and fallback chains are handled there; this route
 * parses OpenAI's request and renders OpenAI's answer.
 */
export async function chatCompletions(request: GatewayRequest): Promise<Response> {
  const raw = await readJsonBody(request);
  const body = parseChatCompletionRequest(raw);
  // prompt_cache_key / user / a session header: the conversation's requests share Workers AI's prefix cache.
  await noteSessionAffinity(request, raw);
  const id = `chatcmpl-${crypto.randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  const includeUsage = body.stream_options?.include_usage === true;

  const { answer, resolved, headers } = await generateChat(request, body, (framing) =>
    createChatCompletionFramer({ ...framing, kind: 'chat', id, created, includeUsage }),
  );
  if (answer.kind === 'stream') {
    return new Response(answer.events, { headers: { ...EVENT_STREAM_HEADERS, ...headers } });
  }
  const { neurons: _neurons, ...usage } = answer.result.usage;
  return Response.json(
    {
      id,
      object: 'chat.completion',
      created,
      model: resolved.model,
      choices: answer.result.choices.map((choice, index) => ({
        index,
        message: {
          role: 'assistant',
          content: choice.content,
          refusal: null,
          ...(choice.reasoning === undefined ? {} : { reasoning_content: choice.reasoning }),
          ...(choice.toolCalls.length === 0 ? {} : { tool_calls: choice.toolCalls }),
        },
        logprobs: null,
        finish_reason: choice.finishReason,
      })),
      usage,
      system_fingerprint: null,
    },
    { headers },
  );
}
