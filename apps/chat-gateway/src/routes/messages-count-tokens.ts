import {
  convertMessagesToChatRequest,
  estimateTokens,
  type GatewayRequest,
  parseMessagesCountTokensRequest,
  readJsonBody,
  requestConfig,
  resolveModel,
} from '@workers-ai-gateways/core';

/**
 * `POST /v1/messages/count_tokens`: the prompt's tokens as the gateway estimates them elsewhere
 * (about four characters a token) — the system prompt, every turn and the tools' schemas, as
 * they would be sent to Workers AI. The model must resolve (a Claude name, an alias or an ID);
 * nothing is sent upstream and nothing is charged.
 */
export async function messagesCountTokens(request: GatewayRequest): Promise<Response> {
  const body = parseMessagesCountTokensRequest(await readJsonBody(request));
  resolveModel(body.model, { aliases: requestConfig(request).modelAliases, task: 'text-generation' });
  const chat = convertMessagesToChatRequest({ ...body, max_tokens: 1 });
  const characters =
    JSON.stringify(chat.messages).length + (chat.tools === undefined ? 0 : JSON.stringify(chat.tools).length);
  return Response.json({ input_tokens: estimateTokens(characters) });
}
