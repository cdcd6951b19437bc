import { GatewayError, type GatewayRequest, readBodyBytes, readJsonBody } from '@workers-ai-gateways/core';

/** Form fields as DeepL reads them: `text` (and `ignore_tags`) repeat, every other field is single. */
function formFields(form: URLSearchParams | FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((value): value is string => typeof value === 'string');
    fields[key] = key === 'text' || key === 'ignore_tags' ? values : values[0];
  }
  return fields;
}

/**
 * A DeepL API request's fields, from JSON, multipart or form-encoded bodies (`deepl-node` and curl
 * send application/x-www-form-urlencoded; a missing type is read the same way), at most `limit` bytes.
 */
export async function readDeeplFields(
  request: GatewayRequest,
  limit: number,
): Promise<Record<string, unknown>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (/json/i.test(contentType)) return readJsonBody(request, limit);
  const bytes = await readBodyBytes(request, limit);
  if (/multipart\/form-data/i.test(contentType)) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      // workerd throws a TypeError for a missing boundary or a body that is not multipart.
      throw new GatewayError(400, 'invalid_request', 'The multipart/form-data body could not be parsed.');
    }
    return formFields(form);
  }
  return formFields(new URLSearchParams(new TextDecoder().decode(bytes)));
}
