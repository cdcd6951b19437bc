import type { TranslationRequest } from '@workers-ai-gateways/core';
import { detectLanguage } from './detect-language';
import { detectScript, type Script } from './detect-script';
import { splitLines } from './split-lines';
import { splitMarkup } from './split-markup';
import type { TextPart } from './text-part';

/** One unique piece of text to translate, shared by every place of the request it appears. */
export interface Segment {
  /** The segment's language, as an m2m100 code. */
  source: string;
  text: string;
  translation: string | undefined;
}

/** One text of the request, as parts kept verbatim and segments to translate. */
export interface PlannedText {
  parts: Array<{ kind: 'keep'; text: string } | { kind: 'translate'; markup: boolean; segment: Segment }>;
  source: string;
  billedCharacters: number;
}

function sameScript(first: Script, second: Script): boolean {
  // Japanese paragraphs may be all Kanji.
  return first === second || (first === 'kana' && second === 'han') || (first === 'han' && second === 'kana');
}

/**
 * The language of one piece of text, given the language and script of the text around it: a
 * short, ambiguous text leans on the request's language (detectLanguage weighs it).
 */
function languageOf(
  text: string,
  context: { language: string; script: Script | undefined },
  target: string,
): string {
  const script = detectScript(text);
  if (!script) return context.language;
  if (context.script && !sameScript(script.script, context.script)) return detectLanguage(text, { target });
  return detectLanguage(text, { context: context.language, target });
}

function visibleText(parts: readonly TextPart[]): string {
  return parts
    .filter((part) => part.kind === 'translate')
    .map((part) => part.text)
    .join('\n');
}

/**
 * Splits each text, detects its language and collects unique segments into `segments`. Detection
 * runs on the whole request first (Immersive Translate sends a page's short strings together),
 * then on each text long enough to judge alone, then on each paragraph whose script differs from
 * its text's (an English page quoting Chinese): m2m100 needs every segment's own language.
 */
export function planTexts(job: TranslationRequest, segments: Map<string, Segment>): PlannedText[] {
  const splitTexts = job.texts.map((text) =>
    job.tagHandling
      ? splitMarkup(text, { mode: job.tagHandling, ignoreTags: job.ignoreTags })
      : splitLines(text),
  );
  const target = job.target.model;
  let requestContext: { language: string; script: Script | undefined } | undefined;
  if (!job.source) {
    const everything = splitTexts.map(visibleText).join('\n');
    requestContext = {
      language: detectLanguage(everything, { target }),
      script: detectScript(everything)?.script,
    };
  }
  return splitTexts.map((parts, index) => {
    const text = job.texts[index] ?? '';
    const visible = visibleText(parts);
    // One text: the request's detection already is the text's.
    const documentSource =
      job.source?.model ??
      (requestContext && splitTexts.length > 1
        ? languageOf(visible, requestContext, target)
        : requestContext?.language) ??
      'en';
    const documentScript = job.source ? undefined : detectScript(visible)?.script;
    const planned: PlannedText['parts'] = parts.map((part) => {
      if (part.kind === 'keep') return part;
      const script = documentScript && detectScript(part.text)?.script;
      const source =
        script && !sameScript(script, documentScript)
          ? detectLanguage(part.text, { target })
          : documentSource;
      const key = `${source}\u0000${part.text}`;
      let segment = segments.get(key);
      if (!segment) {
        segment = { source, text: part.text, translation: undefined };
        segments.set(key, segment);
      }
      return { kind: 'translate', markup: part.markup, segment };
    });
    return { parts: planned, source: documentSource, billedCharacters: Array.from(text).length };
  });
}
