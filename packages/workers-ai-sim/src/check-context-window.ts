import { SimulatorError } from './simulator-error';

/**
 * Refuses a text generation whose prompt plus maximum output does not fit the model's window, as
 * the real Workers AI does: HTTP 413, code 5021, with the numbers in the message (recorded from a
 * live call: "AiError: Ai: The estimated number of input and maximum output tokens (208406)
 * exceeded this model context window limit (65536).").
 */
export function checkContextWindow(requested: number, contextWindow: number): void {
  if (requested > contextWindow) {
    throw new SimulatorError(
      5021,
      `Ai: The estimated number of input and maximum output tokens (${requested}) exceeded this model context window limit (${contextWindow}).`,
    );
  }
}
