import { GatewayError } from '@workers-ai-gateways/core';

/** DeepL's 404 for a glossary id the key does not have (`deepl-node` throws GlossaryNotFoundError). */
export function glossaryNotFound(): GatewayError {
  return new GatewayError(404, 'glossary_not_found', 'Glossary not found');
}
