// Long prompts make unwieldy alt text; the full prompt is not needed to describe the image.
const MAXIMUM_ALT_CHARACTERS = 200;

/**
 * The markdown image a chat UI renders: `![prompt](url)`. The prompt becomes alt text on one
 * line, with the characters that would end the alt text (`[`, `]`, `\`) escaped.
 */
export function formatImageMarkdown(prompt: string, url: string): string {
  const oneLine = prompt.replace(/\s+/g, ' ').trim();
  const short =
    oneLine.length > MAXIMUM_ALT_CHARACTERS ? `${oneLine.slice(0, MAXIMUM_ALT_CHARACTERS - 1)}…` : oneLine;
  const alt = short.replace(/[\\[\]]/g, (character) => `\\${character}`);
  return `![${alt}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
