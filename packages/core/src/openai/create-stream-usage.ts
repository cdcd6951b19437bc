import { addChatUsage } from '../usage/add-chat-usage';
import { estimateTokens } from '../usage/estimate-tokens';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** The usage of one client stream, as every protocol's framer keeps it. */
export interface StreamUsage {
  /** Adds a usage part (several upstream calls add up). */
  add(usage: ChatUsage): void;
  /** Counts text forwarded to the client, for an estimate when no usage arrives. */
  forward(characters: number): void;
  /** The usage so far: what upstream reported, or undefined. */
  readonly reported: ChatUsage | undefined;
  /** The completion tokens the forwarded text is estimated at (about four characters a token). */
  estimatedOutput(): number;
  /** Hands the usage to `onUsage` once, however the stream ends. */
  report(): void;
}

/**
 * The usage bookkeeping every chat stream framer shares (Chat Completions, Responses, Anthropic
 * Messages): usage parts added up, and a stream cut off before its usage event still charged —
 * its completion estimated from the forwarded text rather than nothing — reported exactly once.
 */
export function createStreamUsage(onUsage: ((usage: ChatUsage) => void) | undefined): StreamUsage {
  let usage: ChatUsage | undefined;
  let forwardedCharacters = 0;
  let done = false;
  const estimatedOutput = () => estimateTokens(forwardedCharacters);
  return {
    add(part) {
      usage = addChatUsage(usage, part);
    },
    forward(characters) {
      forwardedCharacters += characters;
    },
    get reported() {
      return usage;
    },
    estimatedOutput,
    report() {
      if (done) return;
      done = true;
      const estimate = estimatedOutput();
      onUsage?.(usage ?? { prompt_tokens: 0, completion_tokens: estimate, total_tokens: estimate });
    },
  };
}
