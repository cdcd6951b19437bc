import {
  extractClientKey,
  GatewayError,
  type GatewayRequest,
  requestConfig,
} from '@workers-ai-gateways/core';
import type { Env } from '../env';
import type { GlossaryStore } from './glossary-store';

const encoder = new TextEncoder();

/**
 * The glossary store of the calling key: one Durable Object per SHA-256 of the key (or of the
 * caller's own Cloudflare token in passthrough mode), so no key reaches another key's glossaries
 * and the key itself is never stored. Anonymous callers (ALLOW_ANONYMOUS) share one store.
 */
export async function glossaryStoreFor(
  request: GatewayRequest,
  env: Env,
): Promise<DurableObjectStub<GlossaryStore>> {
  if (!env.GLOSSARIES) {
    throw new GatewayError(
      503,
      'configuration_error',
      'The gateway is misconfigured: the GLOSSARIES Durable Object binding is missing.',
    );
  }
  const caller = request.gateway.caller;
  let name = 'anonymous';
  if (caller?.kind === 'key' || caller?.kind === 'passthrough') {
    const credential =
      caller.kind === 'passthrough' ? caller.token : (extractClientKey(request, { deeplForms: true }) ?? '');
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', encoder.encode(`glossaries\n${credential}`)),
    );
    name = `${requestConfig(request).upstreamMode}:${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  }
  return env.GLOSSARIES.get(env.GLOSSARIES.idFromName(name));
}
