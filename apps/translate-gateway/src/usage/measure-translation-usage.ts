import { estimateNeurons } from '@workers-ai-gateways/core';

/** What one m2m100 call consumed. */
export interface TranslationUsage {
  inputTokens: number;
  outputTokens: number;
  neurons: number;
}

function approximateTokens(text: string): number {
  // m2m100 reports no usage. One token per character over-counts Latin text (about four
  // characters a token) and is close for CJK: the estimate errs towards spending the budget early.
  return text.length;
}

/**
 * This call's usage: the neurons Workers AI reported when it did (REST responses may carry
 * them), otherwise the catalog's m2m100 price applied to token counts approximated by
 * characters. `translateTexts` books it through core's `recordUsage`, like every route's usage.
 */
export function measureTranslationUsage(
  model: string,
  input: string,
  output: string,
  reportedNeurons?: number,
): TranslationUsage {
  const inputTokens = approximateTokens(input);
  const outputTokens = approximateTokens(output);
  const neurons = reportedNeurons ?? estimateNeurons(model, { inputTokens, outputTokens });
  return { inputTokens, outputTokens, neurons };
}
