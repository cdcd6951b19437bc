/**
 * Reads a model's answer to a translation prompt into translations by segment id, or undefined
 * when it holds no such JSON. Reasoning never reaches a translation: `<think>` blocks (closed,
 * or opened and never closed) are cut before anything is read, and so is a Markdown code fence
 * around the JSON. Entries without a numeric id or a string text are skipped; a repeated id keeps
 * its first text.
 */
export function readLlmTranslations(content: string): Map<number, string> | undefined {
  let text = content.replace(/<think>[\s\S]*?<\/think>/g, '');
  const unclosed = text.indexOf('<think>');
  if (unclosed >= 0) text = text.slice(0, unclosed);
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const list =
    typeof value === 'object' && value !== null
      ? (value as { translations?: unknown }).translations
      : undefined;
  if (!Array.isArray(list)) return undefined;
  const translations = new Map<number, string>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, text: translation } = item as { id?: unknown; text?: unknown };
    const number = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
    if (typeof number !== 'number' || typeof translation !== 'string' || translations.has(number)) continue;
    translations.set(number, translation);
  }
  return translations;
}
