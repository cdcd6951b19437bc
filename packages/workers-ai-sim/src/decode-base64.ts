import { SimulatorError } from './simulator-error';

/**
 * Bytes of a base64 string; Workers AI answers 5004 for invalid base64 input. The simulator keeps
 * its own (it imports nothing of core, whose decodeBase64 tolerates more and never throws).
 */
export function decodeBase64(text: string, path: string): Uint8Array {
  try {
    const binary = atob(text.replace(/^data:[^,]*,/, ''));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    throw new SimulatorError(5004, `Invalid data type for base64 input at '${path}'`);
  }
}
