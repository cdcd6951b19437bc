import { SIMPLIFIED_TO_TRADITIONAL } from './simplified-to-traditional';

let table: Map<string, string> | undefined;

function traditionalTable(): Map<string, string> {
  if (!table) {
    table = new Map();
    const characters = Array.from(SIMPLIFIED_TO_TRADITIONAL);
    for (let index = 0; index + 1 < characters.length; index += 2) {
      const simplified = characters[index];
      const traditional = characters[index + 1];
      if (simplified && traditional) table.set(simplified, traditional);
    }
  }
  return table;
}

/**
 * Rewrites Simplified Chinese characters in Traditional script (m2m100 only writes Simplified
 * Chinese; DeepL's `ZH-HANT` and `zh-TW` ask for Traditional). Characters outside the table,
 * including every non-Chinese character, pass through unchanged.
 */
export function convertToTraditional(text: string): string {
  const map = traditionalTable();
  let result = '';
  for (const character of text) result += map.get(character) ?? character;
  return result;
}
