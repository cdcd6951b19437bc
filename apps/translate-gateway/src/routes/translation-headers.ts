import type { TranslationOutcome } from '../translation/translate-texts';

/**
 * Response headers that report how a translation was made: `x-translation-engine` names the
 * engine (`m2m100` or `llm:<model>`), `x-translation-trimmed` counts segments whose runaway
 * repetition was cut (the client's text is otherwise complete).
 */
export function translationHeaders(outcome: TranslationOutcome): Headers {
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'x-translation-engine': outcome.engine.label,
  });
  if (outcome.trimmedSegments > 0) headers.set('x-translation-trimmed', String(outcome.trimmedSegments));
  for (const [name, value] of Object.entries(outcome.headers)) headers.set(name, value);
  return headers;
}
