import type { GatewayRequest } from '@workers-ai-gateways/core';
import type { Env } from '../env';
import { glossaryNotFound } from '../glossaries/glossary-not-found';
import { glossaryStoreFor } from '../glossaries/glossary-store-for';

/** `DELETE /v3/glossaries/{id}`: 204, or DeepL's 404 when the key has no such v3 glossary. */
export async function deleteMultilingualGlossary(request: GatewayRequest, env: Env): Promise<Response> {
  const store = await glossaryStoreFor(request, env);
  if (!(await store.deleteMultilingual(String(request.params.id ?? '')))) throw glossaryNotFound();
  return new Response(null, { status: 204 });
}
