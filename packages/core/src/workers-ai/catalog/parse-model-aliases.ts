import { GatewayError } from '../../errors/gateway-error';

// Echoing a whole malformed setting could flood logs and responses; a prefix is enough to find it.
const MAXIMUM_ECHO_LENGTH = 60;

function preview(value: string): string {
  return value.length > MAXIMUM_ECHO_LENGTH ? `${value.slice(0, MAXIMUM_ECHO_LENGTH)}…` : value;
}

function configurationError(reason: string): GatewayError {
  return new GatewayError(
    503,
    'configuration_error',
    `MODEL_ALIASES is not a JSON object of model names: ${reason}`,
  );
}

/**
 * Parses the `MODEL_ALIASES` setting: a JSON object mapping names clients send to the model
 * (or another alias) to use instead, e.g. `{"gpt-4o": "@cf/google/gemma-4-26b-a4b-it"}`.
 * An unset or blank setting means no aliases. Anything else malformed throws a 503
 * `configuration_error` naming the setting, so every request reports the misconfiguration.
 */
export function parseModelAliases(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw configurationError(`invalid JSON (${preview(raw.trim())}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw configurationError(
      `expected an object, got ${Array.isArray(parsed) ? 'an array' : typeof parsed}.`,
    );
  }
  const entries: [string, string][] = [];
  for (const [name, target] of Object.entries(parsed)) {
    if (typeof target !== 'string' || target.trim() === '') {
      throw configurationError(`the value of '${preview(name)}' must be a non-empty model name string.`);
    }
    entries.push([name, target.trim()]);
  }
  // fromEntries defines own properties, so a key such as `__proto__` stays a plain alias.
  return Object.fromEntries(entries);
}
