import type { GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/** `GET /v3/glossaries`: the calling key's v3 glossaries, `{glossaries: [...]}`. */
export async function listMultilingualGlossaries(request: GatewayRequest, env: Env): Promise<Response> {
  const store = await glossaryStoreFor(request, env);
  return Response.json({ glossaries: await store.listMultilingual() });
}
