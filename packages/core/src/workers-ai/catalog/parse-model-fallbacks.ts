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
    `MODEL_FALLBACKS is not a JSON object of model names to lists of models: ${reason}`,
  );
}

/**
 * Parses the `MODEL_FALLBACKS` setting: a JSON object from a model or alias name to the models to
 * try in turn when it cannot answer, e.g. `{"gpt-4o": ["@cf/openai/gpt-oss-120b",
 * "@cf/meta/llama-3.1-8b-instruct-fast"]}` (a single string is a list of one). An unset or blank
 * setting means the built-in chains only. Anything malformed throws a 503 `configuration_error`
 * naming the setting, so every request reports the misconfiguration.
 */
export function parseModelFallbacks(raw: string | undefined): Record<string, string[]> {
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
  const entries: [string, string[]][] = [];
  for (const [name, value] of Object.entries(parsed)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    const models = list.map((model) => (typeof model === 'string' ? model.trim() : ''));
    if (models.length === 0 || models.some((model) => model === '')) {
      throw configurationError(`the value of '${preview(name)}' must be a non-empty list of model names.`);
    }
    entries.push([name, models]);
  }
  // fromEntries defines own properties, so a key such as `__proto__` stays a plain name.
  return Object.fromEntries(entries);
}
