import { mapErrorStatus } from './map-error-status';

const defaultMessages: Record<number, string> = {
  3003: 'Incomplete request',
  3006: 'Request is too large',
  3007: 'Request timeout',
  3008: 'Request aborted',
  3023: 'Account blocked',
  3036: "you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
  3040: 'Capacity temporarily exceeded, please try again.',
  3041: 'This model is private',
  3042: 'Invalid model ID',
  4006: "you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
  5016: "Prior to using this model, you must submit the prompt 'agree' to accept the model's license terms.",
  5018: 'This model is private',
  5035: 'This model is only available on the Workers Paid plan.',
  10000: 'Authentication error',
  429: 'Too Many Requests',
};

/** A Workers AI error: a Cloudflare code, its HTTP status and the message without the "AiError: " prefix. */
export class SimulatorError extends Error {
  readonly code: number;
  readonly status: number;

  constructor(code: number, message?: string) {
    super(message ?? defaultMessages[code] ?? 'Unknown internal error');
    this.code = code;
    this.status = mapErrorStatus(code);
  }

  /** The message as the REST envelope shows it: Cloudflare's API layer, not the model runtime, answers 10000. */
  get restMessage(): string {
    return this.code === 10000 || this.code === 429 ? this.message : `AiError: ${this.message}`;
  }
}
