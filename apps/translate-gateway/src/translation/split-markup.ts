import { splitLines } from './split-lines';
import type { TextPart } from './text-part';

// HTML elements whose content is raw text (may hold `<` that is not a tag): copied as they are.
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea']);
// HTML elements whose content is code or notation, not prose: tags kept, text not translated.
const HTML_IGNORED_ELEMENTS = ['code', 'pre', 'kbd', 'samp', 'var', 'math', 'svg'];
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const TAG_NAME = /^<\/?([A-Za-z][\w:.-]*)/;
const TAG_START = /^<[A-Za-z/!?]/;
// `translate="no"` (HTML) and `class="notranslate"` (Google's and Immersive's convention).
const NO_TRANSLATE = /\stranslate\s*=\s*["']?no\b|\sclass\s*=\s*["'][^"']*\bnotranslate\b/i;
// `&amp;` and `&lt;` are decoded for the model and come back escaped (a translation must escape
// `&` and `<` anyway), so they round-trip exactly. Every other entity (`&gt;`, `&nbsp;`,
// `&quot;`, `&#8217;`, ...) stays in place untouched, and a raw `>` stays raw.
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<' };

/** Options of `splitMarkup`. */
export interface MarkupOptions {
  /** `html` knows HTML's raw-text, code and void elements; `xml` treats every element alike. */
  mode: 'html' | 'xml';
  /** Elements whose text is never translated (DeepL's `ignore_tags`), lower case. */
  ignoreTags: readonly string[];
}

/**
 * Finds the `>` that ends a tag starting at a given `<`, skipping `>` inside quoted attribute
 * values; -1 when none does. Linear over all calls on one text: a scan that fails reaches the end
 * of the text, so each (position, quote state) it passed is remembered, and a later scan that
 * arrives at one of them stops there, failing too. Without this, `"<a"` × 65,000 scanned to the
 * end from every `<` (12 s of CPU).
 */
function tagEndFinder(text: string): (start: number) => number {
  // Bit 1: outside quotes, 2: inside "…", 4: inside '…'.
  let failed: Uint8Array | undefined;
  const scan = (start: number, mark: Uint8Array | undefined): number => {
    let state = 1;
    for (let index = start + 1; index < text.length; index++) {
      const seen = mark ?? failed;
      if (seen && ((seen[index] ?? 0) & state) !== 0) return -1;
      if (mark) mark[index] = (mark[index] ?? 0) | state;
      const character = text[index];
      if (state === 2) {
        if (character === '"') state = 1;
      } else if (state === 4) {
        if (character === "'") state = 1;
      } else if (character === '"') {
        state = 2;
      } else if (character === "'") {
        state = 4;
      } else if (character === '>') {
        return index;
      }
    }
    return -1;
  };
  return (start) => {
    const end = scan(start, undefined);
    if (end === -1) {
      failed ??= new Uint8Array(text.length);
      scan(start, failed);
    }
    return end;
  };
}

function splitTextNode(text: string, parts: TextPart[]): void {
  let start = 0;
  let pending = '';
  const flush = () => {
    if (pending !== '') parts.push(...splitLines(pending, true));
    pending = '';
  };
  for (const match of text.matchAll(ENTITY)) {
    const index = match.index ?? 0;
    pending += text.slice(start, index);
    const decoded = ESCAPED[match[0].toLowerCase()];
    if (decoded !== undefined && match[0] === match[0].toLowerCase()) {
      pending += decoded;
    } else {
      flush();
      parts.push({ kind: 'keep', text: match[0] });
    }
    start = index + match[0].length;
  }
  pending += text.slice(start);
  flush();
}

/**
 * A small HTML/XML tokenizer for DeepL's `tag_handling`: tags (with every attribute), comments,
 * CDATA, doctypes and processing instructions are kept byte for byte, and so is the content of
 * `<script>`, `<style>`, `<textarea>`, of code elements (`<code>`, `<pre>`, ...), of `ignore_tags`
 * and of elements marked `translate="no"` / `class="notranslate"`. Only text nodes are
 * translated, each on its own: inline tags split a sentence into separately translated pieces,
 * which m2m100 handles better than placeholders it would mangle or drop.
 */
export function splitMarkup(text: string, options: MarkupOptions): TextPart[] {
  const ignored = new Set([...options.ignoreTags, ...(options.mode === 'html' ? HTML_IGNORED_ELEMENTS : [])]);
  const parts: TextPart[] = [];
  // The element that switched translation off, and how deeply it is nested within itself.
  let skipping: { name: string; depth: number } | undefined;
  let textStart = 0;
  let index = 0;
  const findTagEnd = tagEndFinder(text);
  const keep = (value: string) => {
    const last = parts.at(-1);
    if (last?.kind === 'keep') last.text += value;
    else parts.push({ kind: 'keep', text: value });
  };
  const flushText = (end: number) => {
    if (end <= textStart) return;
    const value = text.slice(textStart, end);
    if (skipping) keep(value);
    else splitTextNode(value, parts);
  };
  while (index < text.length) {
    const next = text.indexOf('<', index);
    if (next === -1) break;
    const rest = text.slice(next, next + 9);
    let end: number;
    if (rest.startsWith('<!--')) {
      flushText(next);
      const close = text.indexOf('-->', next + 4);
      end = close === -1 ? text.length : close + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      flushText(next);
      const close = text.indexOf(']]>', next + 9);
      end = close === -1 ? text.length : close + 3;
    } else if (TAG_START.test(rest)) {
      const close = findTagEnd(next);
      if (close === -1) {
        index = next + 1;
        continue;
      }
      // Text before the tag is flushed under the state that applied to it.
      flushText(next);
      end = close + 1;
      const tag = text.slice(next, end);
      const name = TAG_NAME.exec(tag)?.[1]?.toLowerCase();
      const closing = tag.startsWith('</');
      const selfClosing = tag.endsWith('/>') || (options.mode === 'html' && VOID_ELEMENTS.has(name ?? ''));
      if (name && !closing && options.mode === 'html' && RAW_TEXT_ELEMENTS.has(name)) {
        const closeTag = new RegExp(`</${name}\\s*>`, 'i');
        const match = closeTag.exec(text.slice(end));
        end = match ? end + (match.index ?? 0) + match[0].length : text.length;
      } else if (name && !selfClosing) {
        if (skipping?.name === name) skipping.depth += closing ? -1 : 1;
        else if (!skipping && !closing && (ignored.has(name) || NO_TRANSLATE.test(tag))) {
          skipping = { name, depth: 1 };
        }
        if (skipping && skipping.depth === 0) skipping = undefined;
      }
    } else {
      // A `<` that starts no tag ("a < b") is text.
      index = next + 1;
      continue;
    }
    keep(text.slice(next, end));
    textStart = end;
    index = end;
  }
  flushText(text.length);
  return parts;
}
