import type { ResolvedModel } from '@workers-ai-gateways/core';

/**
 * Headers that tell a client which model answered: `x-model-replaced: <old> -> <new>` when the
 * model it named has been removed from Workers AI and was remapped (SPEC §4).
 */
export function modelHeaders(resolved: ResolvedModel): Record<string, string> {
  return resolved.replacedFrom === undefined
    ? {}
    : { 'x-model-replaced': `${resolved.replacedFrom} -> ${resolved.model}` };
}
