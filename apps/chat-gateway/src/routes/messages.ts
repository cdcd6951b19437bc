import {
  convertMessagesToChatRequest,
  createMessagesFramer,
  estimateTokens,
  GatewayError,
  type GatewayRequest,
  mapChatChoiceToMessage,
  noteSessionAffinity,
  parseMessagesRequest,
  readJsonBody,
} from '@workers-ai-gateways/core';
import { generateChat } from '../chat/generate-chat';
import { EVENT_STREAM_HEADERS } from '../chat/run-chat-generation';

/**
 * `POST /v1/messages`: Anthropic's Messages API (Claude Code, the Anthropic SDKs) on every Workers
 * AI chat model, streamed or not. The request is converted to the internal chat request and runs
 * on the one chat core (`generateChat`: Claude names resolve by family, fallback chains, budget,
 * tools, vision, reasoning as `thinking` blocks); this route renders Anthropic's Message or its
 * named server-sent events. Errors are rendered in Anthropic's envelope by the app's router.
 */
export async function messages(request: GatewayRequest): Promise<Response> {
  const raw = await readJsonBody(request);
  const body = parseMessagesRequest(raw);
  // metadata.user_id / Claude Code's session header: the conversation shares Workers AI's prefix cache.
  await noteSessionAffinity(request, raw);
  const chat = convertMessagesToChatRequest(body);
  const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
  const thinking = body.thinking?.type !== 'disabled';

  const { answer, resolved, headers } = await generateChat(
    request,
    chat,
    (framing) =>
      createMessagesFramer({
        ...framing,
        id,
        thinking,
        estimatedInputTokens: estimateTokens(JSON.stringify(chat.messages).length),
      }),
    // Anthropic requires max_tokens and clients ask big (Claude Code: 32,000): fit it to each model.
    { maxTokensIsCeiling: true },
  );
  if (answer.kind === 'stream') {
    return new Response(answer.events, { headers: { ...EVENT_STREAM_HEADERS, ...headers } });
  }
  const [choice] = answer.result.choices;
  if (choice === undefined)
    throw new GatewayError(502, 'upstream_error', 'Workers AI answered with no message.');
  return Response.json(
    mapChatChoiceToMessage(choice, answer.result.usage, { id, model: resolved.model, thinking }),
    { headers },
  );
}
