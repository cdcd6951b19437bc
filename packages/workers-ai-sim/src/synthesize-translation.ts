/**
 * What a translation prompt asks, as the translate gateway's LLM engine writes it: the last user
 * message is a JSON object naming `target_language` and listing `segments` ({id, text}), with
 * optional `formality` and `glossary` ([{source, target}]).
 */
interface TranslationPrompt {
  target: string;
  formality: string | undefined;
  glossary: Array<{ source: string; target: string }>;
  segments: Array<{ id: number; text: string }>;
}

function readPrompt(text: string): TranslationPrompt | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.target_language !== 'string' || !Array.isArray(record.segments)) return undefined;
  const segments = record.segments.flatMap((segment: unknown) => {
    const entry = segment as { id?: unknown; text?: unknown } | null;
    return typeof entry?.id === 'number' && typeof entry.text === 'string'
      ? [{ id: entry.id, text: entry.text }]
      : [];
  });
  const glossary = Array.isArray(record.glossary)
    ? record.glossary.flatMap((item: unknown) => {
        const entry = item as { source?: unknown; target?: unknown } | null;
        return typeof entry?.source === 'string' && typeof entry.target === 'string'
          ? [{ source: entry.source, target: entry.target }]
          : [];
      })
    : [];
  return {
    target: record.target_language,
    formality: typeof record.formality === 'string' ? record.formality : undefined,
    glossary,
    segments,
  };
}

/**
 * The simulator's answer to a translation prompt, or undefined when the text is not one. Each
 * segment comes back as `[<target> ]text` (`[de formal]` / `[de informal]` when formality asks),
 * glossary source terms replaced by their target terms, as `{"translations":[{id, text}]}`.
 * Markers in a segment's text make the model misbehave the way real ones do, so every recovery
 * path can be tested; those marked "in a batch" only happen when the call holds several segments:
 * `[[drop]]` leaves the segment out (in a batch), `[[merge]]` joins it with the next one under its
 * id (in a batch), `[[echo]]` returns it untranslated (in a batch), `[[echo-always]]` returns it
 * untranslated even alone, `[[garbage]]` answers prose instead of JSON (in a batch),
 * `[[reorder]]` reverses the list, `[[think]]` wraps a decoy answer in a `<think>` block first
 * and `[[fence]]` puts the JSON in a Markdown code fence.
 */
export function synthesizeTranslation(lastUserText: string): string | undefined {
  const prompt = readPrompt(lastUserText);
  if (!prompt) return undefined;
  const batch = prompt.segments.length > 1;
  const everything = prompt.segments.map((segment) => segment.text).join('\n');
  const style =
    prompt.formality === 'more' || prompt.formality === 'prefer_more'
      ? ' formal'
      : prompt.formality === 'less' || prompt.formality === 'prefer_less'
        ? ' informal'
        : '';
  const marker = `[${prompt.target.toLowerCase()}${style}]`;
  const translate = (text: string) => {
    let translated = text;
    for (const entry of prompt.glossary) translated = translated.split(entry.source).join(entry.target);
    return `${marker} ${translated}`;
  };
  if (batch && everything.includes('[[garbage]]')) return 'Sure! Here are your translations, one per line.';
  let translations: Array<{ id: number; text: string }> = [];
  for (let index = 0; index < prompt.segments.length; index++) {
    const segment = prompt.segments[index];
    if (!segment) continue;
    const { id, text } = segment;
    if (text.includes('[[echo-always]]') || (batch && text.includes('[[echo]]'))) {
      translations.push({ id, text });
    } else if (batch && text.includes('[[drop]]')) {
      // Left out.
    } else if (batch && text.includes('[[merge]]') && prompt.segments[index + 1]) {
      const next = prompt.segments[index + 1];
      translations.push({ id, text: `${translate(text)}\n${translate(next?.text ?? '')}` });
      index++;
    } else {
      translations.push({ id, text: translate(text) });
    }
  }
  if (everything.includes('[[reorder]]')) translations = translations.reverse();
  let answer = JSON.stringify({ translations });
  if (everything.includes('[[fence]]')) answer = `\`\`\`json\n${answer}\n\`\`\``;
  if (everything.includes('[[think]]')) {
    const decoy = JSON.stringify({
      translations: prompt.segments.map((segment) => ({ id: segment.id, text: 'THOUGHT' })),
    });
    answer = `<think>\nDrafting: ${decoy}\n</think>\n\n${answer}`;
  }
  return answer;
}
