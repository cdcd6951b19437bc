/** Streamed text split into reasoning and answer. */
export interface ThinkTagPieces {
  reasoning: string;
  content: string;
}

/** A stateful splitter of `<think>…</think>` reasoning out of streamed text. */
export interface ThinkTagParser {
  push(text: string): ThinkTagPieces;
  flush(): ThinkTagPieces;
}

const OPEN = '<think>';
const CLOSE = '</think>';

/**
 * Splits the inline reasoning of legacy reasoning models (qwq-32b, deepseek-r1-distill) from
 * their answer, so clients get it as `reasoning_content` the way OpenAI-schema models send it.
 * The model opens with `<think>` (possibly after whitespace) and closes with `</think>`; either
 * tag may be split across upstream events, so partial tags are held until they resolve. The
 * blank lines around the tags are formatting, not content, and are trimmed. The chat templates
 * of DeepSeek-R1 distills and QwQ put the opening `<think>` in the prompt, so the model's output
 * often starts inside the block: with `startsInReasoning` the text counts as reasoning until
 * `</think>` unless it opens with something else than reasoning could. Without it, a lone
 * `</think>` still ends reasoning that arrived in the same piece.
 */
export function createThinkTagParser(options: { startsInReasoning?: boolean } = {}): ThinkTagParser {
  let state: 'start' | 'reasoning' | 'content' = 'start';
  let held = '';
  let trimNextContent = false;
  let trimNextReasoning = false;

  function toContent(text: string): string {
    if (!trimNextContent) return text;
    const trimmed = text.replace(/^\s+/, '');
    if (trimmed !== '') trimNextContent = false;
    return trimmed;
  }

  return {
    push(text) {
      let buffer = held + text;
      held = '';
      const pieces: ThinkTagPieces = { reasoning: '', content: '' };
      for (;;) {
        if (state === 'start') {
          const trimmed = buffer.replace(/^\s+/, '');
          if (trimmed === '') {
            held = buffer;
            return pieces;
          }
          if (trimmed.startsWith(OPEN)) {
            state = 'reasoning';
            trimNextReasoning = true;
            buffer = trimmed.slice(OPEN.length);
            continue;
          }
          if (OPEN.startsWith(trimmed)) {
            held = buffer;
            return pieces;
          }
          const close = buffer.indexOf(CLOSE);
          if (close >= 0) {
            pieces.reasoning += buffer.slice(0, close).trim();
            state = 'content';
            trimNextContent = true;
            buffer = buffer.slice(close + CLOSE.length);
            continue;
          }
          state = options.startsInReasoning === true ? 'reasoning' : 'content';
          continue;
        }
        if (state === 'reasoning') {
          if (trimNextReasoning) {
            buffer = buffer.replace(/^\s+/, '');
            if (buffer === '') return pieces;
            trimNextReasoning = false;
          }
          const close = buffer.indexOf(CLOSE);
          if (close >= 0) {
            pieces.reasoning += buffer.slice(0, close).replace(/\s+$/, '');
            state = 'content';
            trimNextContent = true;
            buffer = buffer.slice(close + CLOSE.length);
            continue;
          }
          let keep = 0;
          for (let length = Math.min(CLOSE.length - 1, buffer.length); length > 0; length--) {
            if (CLOSE.startsWith(buffer.slice(buffer.length - length))) {
              keep = length;
              break;
            }
          }
          // Trailing whitespace may precede the closing tag, which would make it formatting.
          const body = buffer.slice(0, buffer.length - keep);
          const trailing = /\s*$/.exec(body)?.[0] ?? '';
          pieces.reasoning += body.slice(0, body.length - trailing.length);
          held = trailing + buffer.slice(buffer.length - keep);
          return pieces;
        }
        const close = buffer.indexOf(CLOSE);
        if (close >= 0) buffer = buffer.slice(0, close) + buffer.slice(close + CLOSE.length);
        pieces.content += toContent(buffer);
        return pieces;
      }
    },
    flush() {
      const rest = held;
      held = '';
      if (state === 'reasoning') return { reasoning: rest.trimEnd(), content: '' };
      return { reasoning: '', content: toContent(rest) };
    },
  };
}
