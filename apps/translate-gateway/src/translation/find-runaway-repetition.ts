const LONGEST_UNIT = 12;
const SPACED_REPEATS = 3;

/**
 * Looks for m2m100's runaway repetition (a phrase repeated until the output budget runs out)
 * and returns the output cut after the phrase's first occurrence, or undefined when there is
 * none. A unit of 1–12 words (characters, for text without spaces) repeated back to back at
 * least three times counts, four times for single words and characters, since "very, very,
 * very" is ordinary prose.
 */
export function findRunaway(output: string): string | undefined {
  const spaced = /\s/.test(output.trim());
  // Tokens keep their trailing whitespace so that joining a prefix rebuilds the text exactly.
  const tokens = spaced ? (output.match(/\S+\s*/gu) ?? []) : Array.from(output);
  const normalized = tokens.map((token) =>
    token
      .trim()
      .toLowerCase()
      .replace(/[.,;:!?。，、]+$/u, ''),
  );
  const longest = spaced ? LONGEST_UNIT : LONGEST_UNIT * 3;
  for (let start = 0; start < normalized.length; start++) {
    for (let size = 1; size <= longest && start + size * SPACED_REPEATS <= normalized.length; size++) {
      const repeats = size === 1 ? SPACED_REPEATS + 1 : SPACED_REPEATS;
      if (start + size * repeats > normalized.length) continue;
      let matched = true;
      for (let copy = 1; copy < repeats && matched; copy++) {
        for (let offset = 0; offset < size; offset++) {
          if (normalized[start + offset] !== normalized[start + copy * size + offset]) {
            matched = false;
            break;
          }
        }
      }
      if (matched)
        return tokens
          .slice(0, start + size)
          .join('')
          .trimEnd();
    }
  }
  return undefined;
}
