import { GatewayError } from '../errors/gateway-error';
import { type MappedLanguage, mapDeeplLanguage } from './map-deepl-language';

/**
 * Maps a client's language code with `mapDeeplLanguage`, or throws a 400 that names the code
 * and the field (`param`) so DeepLX and DeepL clients show which setting is wrong.
 */
export function resolveDeeplLanguage(code: string, param: string): MappedLanguage {
  const mapped = mapDeeplLanguage(code);
  if (mapped) return mapped;
  const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
  throw new GatewayError(
    400,
    'unsupported_language',
    `Value for '${param}' not supported: '${shown}' is not a language this gateway translates (GET /v2/languages lists them).`,
    { param },
  );
}
