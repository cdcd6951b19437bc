import { countTokens } from './count-tokens';
import { SimulatorError } from './simulator-error';

/** What the synthetic text generators need from a `prompt` or `messages` input. */
export interface ChatInput {
  /** Text of the last user message (or the prompt): drives the reply and the `[[tokens=N]]` marker. */
  lastUserText: string;
  /** 1 + the number of assistant turns so far, so a conversation's replies are numbered. */
  turn: number;
  promptTokens: number;
}

/** Reads and checks `prompt` or `messages`; content parts with images only for vision models. */
export function readChatInput(inputs: Record<string, unknown>, options: { vision: boolean }): ChatInput {
  if (typeof inputs.prompt === 'string') {
    return { lastUserText: inputs.prompt, turn: 1, promptTokens: countTokens(inputs.prompt) };
  }
  const messages = Array.isArray(inputs.messages) ? inputs.messages : [];
  let allText = '';
  let lastUserText = '';
  let turn = 1;
  messages.forEach((message: unknown, index) => {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new SimulatorError(
        5006,
        `Type mismatch of '/messages/${index}', '${typeof message}' not in 'object'`,
      );
    }
    const { role, content } = message as Record<string, unknown>;
    if (typeof role !== 'string') {
      throw new SimulatorError(5006, `required properties at '/messages/${index}' are 'role'`);
    }
    const text = readContent(content, `/messages/${index}/content`, options.vision);
    allText += `${role}: ${text}\n`;
    if (role === 'user') lastUserText = text;
    if (role === 'assistant') turn += 1;
  });
  return { lastUserText, turn, promptTokens: countTokens(allText) };
}

function readContent(content: unknown, path: string, vision: boolean): string {
  if (typeof content === 'string') return content;
  // Assistant messages that only carry tool calls have no content.
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) {
    throw new SimulatorError(
      5006,
      `Type mismatch of '${path}', '${typeof content}' not in 'string', 'array'`,
    );
  }
  const texts: string[] = [];
  content.forEach((part: unknown, index) => {
    const record = typeof part === 'object' && part !== null ? (part as Record<string, unknown>) : {};
    if (record.type === 'text' && typeof record.text === 'string') {
      texts.push(record.text);
    } else if (record.type === 'image_url' && vision) {
      const imageUrl = record.image_url as Record<string, unknown> | undefined;
      if (typeof imageUrl?.url !== 'string') {
        throw new SimulatorError(5006, `required properties at '${path}/${index}/image_url' are 'url'`);
      }
    } else {
      throw new SimulatorError(
        5006,
        `Type mismatch of '${path}/${index}', content part not accepted by this model`,
      );
    }
  });
  return texts.join(' ');
}
