import { invalidRequest } from '@workers-ai-gateways/core';
import type { GlossaryEntry } from './glossary-types';

/** DeepL's limit on each source and target term (and on a glossary's name): 1,024 UTF-8 bytes. */
export const MAX_TERM_BYTES = 1024;

const encoder = new TextEncoder();
// Control characters (Unicode category Cc, the tab separator aside) and line/paragraph
// separators; DeepL refuses them in terms.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

function csvFields(line: string): string[] | undefined {
  const fields: string[] = [];
  let index = 0;
  while (index <= line.length) {
    if (line[index] === '"') {
      let value = '';
      index++;
      for (;;) {
        const quote = line.indexOf('"', index);
        if (quote < 0) return undefined;
        value += line.slice(index, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          index = quote + 2;
          continue;
        }
        index = quote + 1;
        break;
      }
      fields.push(value);
      if (index < line.length && line[index] !== ',') return undefined;
      index++;
    } else {
      const comma = line.indexOf(',', index);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(index, end));
      index = end + 1;
    }
  }
  return fields;
}

/**
 * Reads glossary entries as DeepL's v2 API takes them: one entry a line, source then target,
 * separated by a tab (`tsv`) or a comma (`csv`, with standard quoting; optional third and fourth
 * columns name the languages). Blank lines are skipped and terms trimmed. A line without two
 * terms, an empty or over-long term, a control character or a source given twice is DeepL's 400.
 */
export function parseGlossaryEntries(text: string, format: 'tsv' | 'csv'): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    const fields = format === 'tsv' ? line.split('\t') : csvFields(line);
    if (!fields || fields.length < 2 || (format === 'tsv' ? fields.length > 2 : fields.length > 4)) {
      throw invalidRequest(
        `Invalid glossary entries provided: ${where} is not a source and target term separated by a ${format === 'tsv' ? 'tab' : 'comma'}.`,
        'entries',
      );
    }
    const [source = '', target = ''] = fields.map((field) => field.trim());
    if (source === '' || target === '')
      throw invalidRequest(`Invalid glossary entries provided: ${where} has an empty term.`, 'entries');
    if (CONTROL.test(source) || CONTROL.test(target)) {
      throw invalidRequest(
        `Invalid glossary entries provided: ${where} contains a control character.`,
        'entries',
      );
    }
    if (encoder.encode(source).length > MAX_TERM_BYTES || encoder.encode(target).length > MAX_TERM_BYTES) {
      throw invalidRequest(
        `Invalid glossary entries provided: ${where} has a term over ${MAX_TERM_BYTES} bytes.`,
        'entries',
      );
    }
    if (seen.has(source))
      throw invalidRequest(
        `Invalid glossary entries provided: duplicate source entry '${source}' (${where}).`,
        'entries',
      );
    seen.add(source);
    entries.push({ source, target });
  });
  if (entries.length === 0) throw invalidRequest('Invalid glossary entries provided: no entries.', 'entries');
  return entries;
}
