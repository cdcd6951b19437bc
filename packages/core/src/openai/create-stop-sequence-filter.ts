/** A stateful filter that cuts streamed text at the first stop sequence. */
export interface StopSequenceFilter {
  /**
   * Feeds the next piece of text; returns what may be forwarded now, whether a stop was hit and
   * which sequence it was (Anthropic's `stop_sequence`).
   */
  push(text: string): { text: string; stopped: boolean; sequence?: string };
  /** Releases text held back at the end of the stream (a partial match that never completed). */
  flush(): string;
}

/**
 * Enforces OpenAI's `stop` on text that arrives in pieces. Legacy Workers AI models have no `stop`
 * parameter, so the gateway cuts the text itself: a stop sequence may be split across two
 * upstream events, so the filter holds back the longest tail that could still begin a stop
 * sequence and forwards everything before it at once (no more is delayed than necessary).
 * Once a stop sequence is seen, nothing after it is ever forwarded.
 */
export function createStopSequenceFilter(stopSequences: readonly string[]): StopSequenceFilter {
  const sequences = stopSequences.filter((sequence) => sequence !== '');
  let held = '';
  let stopped = false;

  function longestPossibleStart(text: string): number {
    let keep = 0;
    for (const sequence of sequences) {
      const limit = Math.min(sequence.length - 1, text.length);
      for (let length = limit; length > keep; length--) {
        if (sequence.startsWith(text.slice(text.length - length))) {
          keep = length;
          break;
        }
      }
    }
    return keep;
  }

  return {
    push(text) {
      if (stopped) return { text: '', stopped: true };
      if (sequences.length === 0) return { text, stopped: false };
      const buffer = held + text;
      let cut = -1;
      let matched = '';
      for (const sequence of sequences) {
        const at = buffer.indexOf(sequence);
        if (at >= 0 && (cut < 0 || at < cut)) {
          cut = at;
          matched = sequence;
        }
      }
      if (cut >= 0) {
        stopped = true;
        held = '';
        return { text: buffer.slice(0, cut), stopped: true, sequence: matched };
      }
      const keep = longestPossibleStart(buffer);
      held = buffer.slice(buffer.length - keep);
      return { text: buffer.slice(0, buffer.length - keep), stopped: false };
    },
    flush() {
      const rest = stopped ? '' : held;
      held = '';
      return rest;
    },
  };
}
