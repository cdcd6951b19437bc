import type { ChatChoiceResult } from './map-workers-ai-chat-response';
import { responseItemId } from './response-item-id';

/**
 * A non-streamed chat answer as a Response's output items, in the order a stream sends them: a
 * `reasoning` item when the model reasoned (its whole reasoning as the summary, which is what
 * clients show), the assistant `message` with one `output_text` part
 * (also when empty, unless the answer is only tool calls), then a `function_call` item per tool
 * call, its `call_id` the call's id.
 */
export function mapChatChoiceToResponseOutput(
  choice: ChatChoiceResult,
  responseId: string,
): Record<string, unknown>[] {
  const output: Record<string, unknown>[] = [];
  if (choice.reasoning !== undefined && choice.reasoning !== '') {
    output.push({
      id: responseItemId('rs', responseId, output.length),
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: choice.reasoning }],
    });
  }
  const text = choice.content ?? '';
  if (text !== '' || choice.toolCalls.length === 0) {
    output.push({
      id: responseItemId('msg', responseId, output.length),
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
    });
  }
  for (const call of choice.toolCalls) {
    output.push({
      id: responseItemId('fc', responseId, output.length),
      type: 'function_call',
      status: 'completed',
      arguments: call.function.arguments,
      call_id: call.id,
      name: call.function.name,
    });
  }
  return output;
}
