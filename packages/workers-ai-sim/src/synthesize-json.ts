/**
 * A value conforming to a JSON schema, with plainly synthetic contents. `requiredOnly` limits objects
 * to their required properties, as the sim's tool-call arguments do.
 */
export function synthesizeJson(schema: unknown, options: { requiredOnly: boolean; key?: string }): unknown {
  const record = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>) : {};
  const key = options.key ?? 'value';
  if (Array.isArray(record.enum) && record.enum.length > 0) return record.enum[0];
  if ('const' in record) return record.const;
  const type = Array.isArray(record.type) ? record.type[0] : record.type;
  switch (type) {
    case 'string':
      return `simulated ${key}`;
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [synthesizeJson(record.items, { requiredOnly: options.requiredOnly, key })];
    default: {
      const properties =
        typeof record.properties === 'object' && record.properties !== null
          ? (record.properties as Record<string, unknown>)
          : {};
      const required = Array.isArray(record.required) ? record.required.map(String) : [];
      const keys = options.requiredOnly ? required : Object.keys(properties);
      const result: Record<string, unknown> = {};
      for (const name of keys) {
        result[name] = synthesizeJson(properties[name], { requiredOnly: options.requiredOnly, key: name });
      }
      return result;
    }
  }
}
