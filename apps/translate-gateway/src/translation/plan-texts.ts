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
  const texts: string[] = [];
  for (const part of parts) if (part.kind === 'translate') texts.push(part.text);
  return texts.join('\n');
}

/** Code points in `text`, as `Array.from(text).length` counts them, without the array. */
function countCodePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
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
  const visibleTexts = splitTexts.map(visibleText);
  const target = job.target.model;
  let requestContext: { language: string; script: Script | undefined } | undefined;
  if (!job.source) {
    const everything = visibleTexts.join('\n');
    requestContext = {
      language: detectLanguage(everything, { target }),
      script: detectScript(everything)?.script,
    };
  }
  return splitTexts.map((parts, index) => {
    const text = job.texts[index] ?? '';
    const visible = visibleTexts[index] ?? '';
    // One text: the request's detection already is the text's.
    const documentSource =
      job.source?.model ??
      (requestContext && splitTexts.length > 1
        ? languageOf(visible, requestContext, target)
        : requestContext?.language) ??
      'en';
    const documentScript = job.source ? undefined : detectScript(visible)?.script;
    // A part's segment depends on its text alone within one text: a page's repeated lines
    // (list bullets, table cells, 65,000 "a"s) are detected and keyed once (issue 17).
    const segmentOf = new Map<string, Segment>();
    const planned: PlannedText['parts'] = parts.map((part) => {
      if (part.kind === 'keep') return part;
      let segment = segmentOf.get(part.text);
      if (!segment) {
        const script = documentScript && detectScript(part.text)?.script;
        const source =
          script && !sameScript(script, documentScript)
            ? detectLanguage(part.text, { target })
            : documentSource;
        const key = `${source}\u0000${part.text}`;
        segment = segments.get(key);
        if (!segment) {
          segment = { source, text: part.text, translation: undefined };
          segments.set(key, segment);
        }
        segmentOf.set(part.text, segment);
      }
      return { kind: 'translate', markup: part.markup, segment };
    });
    return { parts: planned, source: documentSource, billedCharacters: countCodePoints(text) };
  });
}
