import type { GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from '../glossaries/glossary-not-found';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/** `GET /v2/glossaries/{id}`: one glossary's description, or DeepL's 404. */
export async function getGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const store = await glossaryStoreFor(request, env);
  const info = await store.info(String(request.params.id ?? ''));
  if (!info) throw glossaryNotFound();
  return Response.json(info);
}
