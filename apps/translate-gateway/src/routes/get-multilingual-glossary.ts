import type { GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from '../glossaries/glossary-not-found';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/** `GET /v3/glossaries/{id}`: one v3 glossary's description with its dictionaries, or DeepL's 404. */
export async function getMultilingualGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const store = await glossaryStoreFor(request, env);
  const info = await store.multilingualInfo(String(request.params.id ?? ''));
  if (!info) throw glossaryNotFound();
  return Response.json(info);
}
