import type { TranslationRequest } from '@workers-ai-gateways/core';

/** Variants DeepL lets a target name, which the LLM engine writes directly. */
const VARIANTS = new Set(['EN-GB', 'EN-US', 'PT-PT', 'PT-BR']);

/**
 * The target the LLM engine is asked for, as DeepL writes it, variant kept: `EN-GB`, `PT-BR`,
 * `ZH-HANS` or `ZH-HANT` (from `ZH-HANT`, `zh-TW`, `zh-HK`, ...), else the language alone (`DE`).
 */
export function llmTargetCode(job: TranslationRequest): string {
  const code = job.targetCode.trim().replaceAll('_', '-').toUpperCase();
  if (VARIANTS.has(code)) return code;
  if (job.target.model === 'zh') return job.target.traditional ? 'ZH-HANT' : 'ZH-HANS';
  return job.target.model.toUpperCase();
}
