import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';

/**
 * OpenAI's way of naming a nested field in `param`: `messages[0].content[1].image_url`.
 * Numeric keys become indexes so a client can find the field in what it sent.
 */
function formatParam(path: readonly { key: unknown }[] | undefined): string | undefined {
  if (path === undefined || path.length === 0) return undefined;
  let param = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') param += `[${key}]`;
    else param += param === '' ? String(key) : `.${String(key)}`;
  }
  return param;
}

/**
 * Validates a client's request body against a valibot schema and returns the typed result.
 * The first problem becomes a 400 `invalid_request_error` whose `param` names the field, so the
 * `openai` SDKs show the client exactly what to fix; unknown fields are left to the schema
 * (`v.object` drops them, which is how harmless OpenAI extensions are ignored).
 */
export function validateOpenAiRequestBody<const Schema extends v.GenericSchema>(
  schema: Schema,
  body: unknown,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, body, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const param = formatParam(issue.path as readonly { key: unknown }[] | undefined);
  const problem = issue.message;
  throw invalidRequest(param === undefined ? problem : `Invalid '${param}': ${problem}`, param);
}
