import type { GatewayError } from '../errors/gateway-error';
import { buildResponseObject, type ResponseTemplate } from './build-response-object';
import type { ChatStreamFramer, ChatStreamPart } from './chat-stream-part';
import { createStreamUsage } from './create-stream-usage';
import type { ChatFinishReason } from './map-chat-finish-reason';
import type { ChatUsage } from './map-workers-ai-chat-usage';
import { responseItemId } from './response-item-id';

/** Options of `createResponsesFramer`. */
export interface ResponsesStreamFraming {
  /** Every field of the Response object known before the answer (id, model, the request's echo). */
  template: ResponseTemplate;
  /** Called once when the stream ends, however it ends, with the call's usage. */
  onUsage?: (usage: ChatUsage) => void;
  /** Called with the final Response object when the stream completes (to store it). */
  onComplete?: (response: Record<string, unknown>) => void;
}

type OpenItem = (
  | { kind: 'reasoning'; index: number; item: Record<string, unknown>; text: string }
  | { kind: 'message'; index: number; item: Record<string, unknown>; text: string }
  | { kind: 'call'; index: number; item: Record<string, unknown>; callIndex: number; text: string }
) & {
  /** The item's delta event up to its `delta` value: `event: …\ndata: {"type":…,"delta":`. */
  deltaPrefix?: string;
};

// The delta event of each item kind, and where its delta sits among the fields.
const DELTA_EVENTS = {
  reasoning: { type: 'response.reasoning_summary_text.delta', field: '"summary_index":0' },
  message: { type: 'response.output_text.delta', field: '"content_index":0' },
  call: { type: 'response.function_call_arguments.delta', field: '' },
} as const;

function deltaPrefix(item: OpenItem): string {
  const { type, field } = DELTA_EVENTS[item.kind];
  const fields = `"item_id":${JSON.stringify(item.item.id)},"output_index":${item.index}${field === '' ? '' : `,${field}`}`;
  return `event: ${type}\ndata: {"type":"${type}",${fields},"delta":`;
}

/**
 * Frames stream parts as the Responses API's typed server-sent events, each with its
 * `sequence_number`: `response.created` and `response.in_progress`; then one output item per
 * run of parts of a kind, in the order they arrive — a `reasoning` item whose summary is the
 * model's reasoning (`response.reasoning_summary_text.delta`: what Codex and the AI SDK show;
 * Workers AI models give their whole reasoning, so the "summary" is all of it), a `message`
 * (`response.content_part.added`, `response.output_text.delta`, `.done`,
 * `response.content_part.done`), a `function_call` per
 * tool call (`response.function_call_arguments.delta` / `.done`) — each between
 * `response.output_item.added` and `response.output_item.done`; at the end
 * `response.completed`, or `response.incomplete` when the output hit `max_output_tokens`, with
 * the whole Response. A failure is `response.failed` with the error. No `[DONE]` line.
 */
export function createResponsesFramer(framing: ResponsesStreamFraming): ChatStreamFramer {
  const { template } = framing;
  let sequence = 0;
  const usage = createStreamUsage(framing.onUsage);
  const report = usage.report;
  let ended = false;
  let finishReason: ChatFinishReason | undefined;
  let open: OpenItem | undefined;
  const output: Record<string, unknown>[] = [];

  const event = (type: string, payload: Record<string, unknown>): string =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...payload, sequence_number: sequence++ })}\n\n`;

  const close = (): string => {
    const item = open;
    if (item === undefined) return '';
    open = undefined;
    const at = { item_id: item.item.id, output_index: item.index };
    let text = '';
    let done: Record<string, unknown>;
    if (item.kind === 'reasoning') {
      const part = { type: 'summary_text', text: item.text };
      text += event('response.reasoning_summary_text.done', { ...at, summary_index: 0, text: item.text });
      text += event('response.reasoning_summary_part.done', { ...at, summary_index: 0, part });
      done = { ...item.item, summary: [part] };
    } else if (item.kind === 'message') {
      const part = { type: 'output_text', text: item.text, annotations: [], logprobs: [] };
      text += event('response.output_text.done', { ...at, content_index: 0, text: item.text, logprobs: [] });
      text += event('response.content_part.done', { ...at, content_index: 0, part });
      done = { ...item.item, status: 'completed', content: [part] };
    } else {
      text += event('response.function_call_arguments.done', {
        ...at,
        name: item.item.name,
        arguments: item.text,
      });
      done = { ...item.item, status: 'completed', arguments: item.text };
    }
    output[item.index] = done;
    return text + event('response.output_item.done', { output_index: item.index, item: done });
  };

  const openItem = (next: OpenItem): string => {
    let text = close() + event('response.output_item.added', { output_index: next.index, item: next.item });
    next.deltaPrefix = deltaPrefix(next);
    open = next;
    output[next.index] = next.item;
    const at = { item_id: next.item.id, output_index: next.index, content_index: 0 };
    if (next.kind === 'reasoning') {
      text += event('response.reasoning_summary_part.added', {
        item_id: next.item.id,
        output_index: next.index,
        summary_index: 0,
        part: { type: 'summary_text', text: '' },
      });
    } else if (next.kind === 'message') {
      text += event('response.content_part.added', {
        ...at,
        part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      });
    }
    return text;
  };

  const frameDelta = (part: Extract<ChatStreamPart, { type: 'delta' }>): string => {
    let text = '';
    if (part.reasoning !== undefined && part.reasoning !== '') {
      usage.forward(part.reasoning.length);
      if (open?.kind !== 'reasoning') {
        const index = output.length;
        const id = responseItemId('rs', template.id, index);
        text += openItem({
          kind: 'reasoning',
          index,
          item: { id, type: 'reasoning', summary: [] },
          text: '',
        });
      }
      const current = open as OpenItem;
      current.text += part.reasoning;
      text += `${current.deltaPrefix}${JSON.stringify(part.reasoning)},"sequence_number":${sequence++}}\n\n`;
    }
    if (part.content !== undefined && part.content !== '') {
      usage.forward(part.content.length);
      if (open?.kind !== 'message') {
        const index = output.length;
        const id = responseItemId('msg', template.id, index);
        text += openItem({
          kind: 'message',
          index,
          item: { id, type: 'message', status: 'in_progress', role: 'assistant', content: [] },
          text: '',
        });
      }
      const current = open as OpenItem;
      current.text += part.content;
      // The hot path (one event per token): the fixed part of the event is written once per item.
      text += `${current.deltaPrefix}${JSON.stringify(part.content)},"logprobs":[],"sequence_number":${sequence++}}\n\n`;
    }
    for (const call of part.toolCalls ?? []) {
      const argumentsText = call.function.arguments ?? '';
      usage.forward(argumentsText.length);
      if (open?.kind !== 'call' || open.callIndex !== call.index) {
        // A call's first fragment carries its id and name (the part mapper makes sure of it).
        if (call.id === undefined) continue;
        const index = output.length;
        text += openItem({
          kind: 'call',
          index,
          callIndex: call.index,
          item: {
            id: responseItemId('fc', template.id, index),
            type: 'function_call',
            status: 'in_progress',
            arguments: '',
            call_id: call.id,
            name: call.function.name ?? '',
          },
          text: '',
        });
      }
      const current = open as OpenItem;
      current.text += argumentsText;
      if (argumentsText !== '') {
        text += `${current.deltaPrefix}${JSON.stringify(argumentsText)},"sequence_number":${sequence++}}\n\n`;
      }
    }
    return text;
  };

  const fail = (message: string, error?: GatewayError) => {
    if (ended) return '';
    ended = true;
    report();
    const closing = close();
    const response = buildResponseObject(template, {
      output,
      usage: usage.reported,
      finishReason,
      error: { code: error?.code ?? 'server_error', message },
    });
    return closing + event('response.failed', { response });
  };

  return {
    get ended() {
      return ended;
    },
    report,
    fail,
    start() {
      const response = {
        ...template,
        status: 'in_progress',
        error: null,
        incomplete_details: null,
        output: [],
        usage: null,
      };
      return event('response.created', { response }) + event('response.in_progress', { response });
    },
    part(part) {
      if (ended) return '';
      switch (part.type) {
        case 'usage':
          usage.add(part.usage);
          return '';
        case 'error':
          return fail(part.message, part.error);
        case 'finish':
          finishReason = part.finishReason;
          return '';
        default:
          return frameDelta(part);
      }
    },
    end() {
      if (ended) return '';
      ended = true;
      const text = close();
      report();
      const response = buildResponseObject(template, { output, usage: usage.reported, finishReason });
      framing.onComplete?.(response);
      const type = response.status === 'incomplete' ? 'response.incomplete' : 'response.completed';
      return text + event(type, { response });
    },
  };
}
