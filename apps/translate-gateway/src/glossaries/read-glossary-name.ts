import { invalidRequest } from '@workers-ai-gateways/core';
import { MAX_TERM_BYTES } from './parse-glossary-entries';

const encoder = new TextEncoder();

/** A glossary's `name`: required, at most 1,024 UTF-8 bytes, as DeepL limits it. */
export function readGlossaryName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidRequest("Parameter 'name' not specified.", 'name');
  const name = value.trim();
  if (encoder.encode(name).length > MAX_TERM_BYTES) {
    throw invalidRequest(`Value for 'name' is longer than ${MAX_TERM_BYTES} bytes.`, 'name');
  }
  return name;
}
