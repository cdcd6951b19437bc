import { SimulatorError } from './simulator-error';

/** A JSON-schema-like rule for one top-level input field. */
export interface FieldRule {
  type:
    | 'string'
    | 'number'
    | 'integer'
    | 'boolean'
    | 'array'
    | 'object'
    | 'string-or-array'
    | 'string-or-object';
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  enum?: readonly string[];
}

/** The input schema of one model. */
export interface InputSchema {
  properties: Record<string, FieldRule>;
  required?: readonly string[];
  /** Exactly one of these must be present (Workers AI's `oneOf` of prompt / messages). */
  oneOf?: readonly string[];
}

/**
 * Checks inputs the way Workers AI's JSON-schema validator does and throws 5006 with a message in its
 * style. "Additional or unevaluated properties" and "Type mismatch" are the observed wordings; the
 * range and enum wordings are [unverified] imitations.
 */
export function validateInputs(inputs: Record<string, unknown>, schema: InputSchema): void {
  for (const key of Object.keys(inputs)) {
    if (!(key in schema.properties)) {
      throw new SimulatorError(5006, `Additional or unevaluated properties '/${key}' at '/' not allowed`);
    }
  }
  if (schema.oneOf) {
    const present = schema.oneOf.filter((key) => inputs[key] !== undefined);
    if (present.length !== 1) {
      const alternatives = schema.oneOf.map((key) => `required properties at '/' are '${key}'`).join(', ');
      throw new SimulatorError(5006, `oneOf at '/' not met, ${present.length} matches: ${alternatives}`);
    }
  }
  for (const key of schema.required ?? []) {
    if (inputs[key] === undefined) {
      throw new SimulatorError(5006, `required properties at '/' are '${key}'`);
    }
  }
  for (const [key, rule] of Object.entries(schema.properties)) {
    const value = inputs[key];
    if (value !== undefined) checkField(`/${key}`, value, rule);
  }
}

function checkField(path: string, value: unknown, rule: FieldRule): void {
  const actual = describeType(value);
  const accepted = acceptedTypes(rule.type);
  if (!accepted.includes(actual) && !(actual === 'integer' && accepted.includes('number'))) {
    throw new SimulatorError(
      5006,
      `Type mismatch of '${path}', '${actual}' not in '${accepted.join("', '")}'`,
    );
  }
  if (typeof value === 'number') {
    if (rule.minimum !== undefined && value < rule.minimum) {
      throw new SimulatorError(5006, `Value ${value} at '${path}' is less than minimum ${rule.minimum}`);
    }
    if (rule.maximum !== undefined && value > rule.maximum) {
      throw new SimulatorError(5006, `Value ${value} at '${path}' is greater than maximum ${rule.maximum}`);
    }
  }
  if (typeof value === 'string') {
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      throw new SimulatorError(5006, `String at '${path}' is shorter than ${rule.minLength} characters`);
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      throw new SimulatorError(5006, `String at '${path}' is longer than ${rule.maxLength} characters`);
    }
    if (rule.enum && !rule.enum.includes(value)) {
      throw new SimulatorError(
        5006,
        `Value '${value}' at '${path}' is not one of '${rule.enum.join("', '")}'`,
      );
    }
  }
  if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems) {
      throw new SimulatorError(5006, `Array at '${path}' has fewer than ${rule.minItems} items`);
    }
    if (rule.maxItems !== undefined && value.length > rule.maxItems) {
      throw new SimulatorError(5006, `Array at '${path}' has more than ${rule.maxItems} items`);
    }
  }
}

function acceptedTypes(type: FieldRule['type']): string[] {
  if (type === 'string-or-array') return ['string', 'array'];
  if (type === 'string-or-object') return ['string', 'object'];
  return [type];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
