/** The finish reasons OpenAI clients understand. */
export type ChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/**
 * Maps an upstream finish reason to OpenAI's: vLLM already speaks OpenAI, older backends say
 * `eos` / `max_tokens` / `function_call`. Anything unknown is a normal `stop`.
 */
export function mapChatFinishReason(value: unknown): ChatFinishReason | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  switch (value) {
    case 'length':
    case 'max_tokens':
    case 'model_length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'stop';
  }
}
