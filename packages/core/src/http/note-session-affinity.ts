import type { GatewayRequest } from './gateway-request';

// Headers clients set to name a conversation: our own name for it, Codex's and other OpenAI
// clients' `session_id` / `x-session-id`, and Claude Code's session header.
const SESSION_HEADERS = [
  'x-session-affinity',
  'session_id',
  'x-session-id',
  'x-claude-code-session-id',
] as const;
// Keeps the hash apart from any other SHA-256 of the same text.
const DOMAIN = 'workers-ai-gateways/session-affinity\u0000';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Sets the `x-session-affinity` every upstream call of the request carries (issue 14), so Workers
 * AI routes a conversation's requests to the instance that holds its prompt prefix
 * (https://developers.cloudflare.com/workers-ai/features/prompt-caching/). The key is the first
 * of the body's `prompt_cache_key` (OpenAI), `metadata.user_id` (Anthropic) or `user`, else a
 * session header the client set; what is sent is its SHA-256, so no client identifier leaves the
 * gateway as written. Nothing is set when the request names no session.
 */
export async function noteSessionAffinity(request: GatewayRequest, body: unknown): Promise<void> {
  const fields = isRecord(body) ? body : {};
  const metadata = isRecord(fields.metadata) ? fields.metadata : {};
  const key =
    text(fields.prompt_cache_key) ??
    text(metadata.user_id) ??
    text(fields.user) ??
    SESSION_HEADERS.map((name) => text(request.headers.get(name))).find((value) => value !== undefined);
  if (key === undefined) return;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(DOMAIN + key));
  request.gateway.sessionAffinity = [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}
