import type { ChatFinishReason } from './map-chat-finish-reason';
import type { ChatUsage } from './map-workers-ai-chat-usage';

/** The Response object's fields fixed before the answer: id, model and the request's echo. */
export type ResponseTemplate = Record<string, unknown> & { id: string; model: string };

/** How a response ended and what it holds. */
export interface ResponseOutcome {
  output: Record<string, unknown>[];
  usage: ChatUsage | undefined;
  finishReason: ChatFinishReason | undefined;
  /** A failure: the response is `failed` with this error. */
  error?: { code: string; message: string };
}

/** A chat usage in the Responses API's terms. */
function responsesUsage(usage: ChatUsage) {
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.total_tokens,
  };
}

/**
 * A Response object (OpenAI's Responses API) from its template and outcome: `status`
 * `completed`, `incomplete` (with `incomplete_details.reason` `max_output_tokens` or
 * `content_filter`) or `failed` (with `error`), the output items, and the usage with cached
 * prompt tokens. Streamed and non-streamed answers and the stored copy all use it.
 */
export function buildResponseObject(
  template: ResponseTemplate,
  outcome: ResponseOutcome,
): Record<string, unknown> {
  const incomplete =
    outcome.error === undefined &&
    (outcome.finishReason === 'length' || outcome.finishReason === 'content_filter');
  const status = outcome.error !== undefined ? 'failed' : incomplete ? 'incomplete' : 'completed';
  return {
    ...template,
    status,
    error: outcome.error ?? null,
    incomplete_details: incomplete
      ? { reason: outcome.finishReason === 'length' ? 'max_output_tokens' : 'content_filter' }
      : null,
    output: outcome.output,
    usage: outcome.usage === undefined ? null : responsesUsage(outcome.usage),
  };
}
