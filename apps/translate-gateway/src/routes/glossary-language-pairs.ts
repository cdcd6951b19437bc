import { GLOSSARY_LANGUAGE_CODES } from '../glossaries/glossary-language-codes';

/** `GET /v2/glossary-language-pairs`: every ordered pair of glossary languages, DeepL's shape. */
export function glossaryLanguagePairs(): Response {
  const supported_languages = GLOSSARY_LANGUAGE_CODES.flatMap((source) =>
    GLOSSARY_LANGUAGE_CODES.filter((target) => target !== source).map((target) => ({
      source_lang: source,
      target_lang: target,
    })),
  );
  return Response.json({ supported_languages });
}
