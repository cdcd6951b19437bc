import * as v from 'valibot';
import { invalidRequest } from '../errors/gateway-error';

/**
 * Validates a request body against a valibot schema and returns its typed output, or throws a
 * 400 naming the first offending field (`param`) in the words of the schema's message.
 */
export function validateFields<Schema extends v.GenericSchema>(
  schema: Schema,
  value: unknown,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const param = v.getDotPath(issue) ?? undefined;
  throw invalidRequest(issue.message, param);
}
