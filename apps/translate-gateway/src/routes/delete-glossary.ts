import type { GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from '../glossaries/glossary-not-found';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/** `DELETE /v2/glossaries/{id}`: 204, or DeepL's 404 when the key has no such glossary. */
export async function deleteGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const store = await glossaryStoreFor(request, env);
  if (!(await store.delete(String(request.params.id ?? '')))) throw glossaryNotFound();
  return new Response(null, { status: 204 });
}
