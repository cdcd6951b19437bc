// Reading a finished SSE body for checks (the bench times the live stream in send-request.mjs).

/** The `data:` payloads of an SSE body, in order. */
export function sseData(text) {
  return text
    .split(/\r?\n\r?\n/)
    .map((event) =>
      event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n'),
    )
    .filter((data) => data !== '');
}

/**
 * Problems with an OpenAI-style stream: it must end with `[DONE]` (exactly once, last), and every
 * other event must be JSON. `allowError` accepts one `{error}` event just before `[DONE]`.
 */
export function openAiStreamProblems(text, { allowError = false } = {}) {
  const events = sseData(text);
  const problems = [];
  if (events.at(-1) !== '[DONE]')
    problems.push(`stream does not end with [DONE]: ${JSON.stringify(text.slice(-200))}`);
  if (events.filter((data) => data === '[DONE]').length > 1) problems.push('more than one [DONE]');
  const payloads = events.filter((data) => data !== '[DONE]');
  payloads.forEach((data, index) => {
    let json;
    try {
      json = JSON.parse(data);
    } catch {
      problems.push(`event ${index} is not JSON: ${data.slice(0, 100)}`);
      return;
    }
    if (json?.error !== undefined) {
      if (!allowError) problems.push(`unexpected error event: ${data.slice(0, 200)}`);
      else if (index !== payloads.length - 1) problems.push('the error event is not the last before [DONE]');
      else if (typeof json.error?.message !== 'string') problems.push(`error event has no message: ${data}`);
    }
  });
  return problems;
}

/** Text of an OpenAI chat stream: the concatenated `delta.content` (or `text` for completions). */
export function openAiStreamText(text) {
  let content = '';
  for (const data of sseData(text)) {
    if (data === '[DONE]') continue;
    try {
      const choice = JSON.parse(data)?.choices?.[0];
      content += choice?.delta?.content ?? choice?.text ?? '';
    } catch {
      // reported by openAiStreamProblems
    }
  }
  return content;
}

/** Whether an OpenAI chunk carries generated text (for time to first token). */
export function isOpenAiToken(data) {
  if (data === '[DONE]') return false;
  try {
    const choice = JSON.parse(data)?.choices?.[0];
    return Boolean(choice?.delta?.content || choice?.text);
  } catch {
    return false;
  }
}

/** Whether a Workers AI (legacy family) event carries generated text. */
export function isWorkersAiToken(data) {
  if (data === '[DONE]') return false;
  try {
    return Boolean(JSON.parse(data)?.response);
  } catch {
    return false;
  }
}

/** The `data:` payloads of an SSE body parsed as JSON, and a problem for each that is not JSON. */
function jsonEvents(text) {
  const problems = [];
  const events = sseData(text).map((data) => {
    try {
      return JSON.parse(data);
    } catch {
      problems.push(`event is not JSON: ${data.slice(0, 100)}`);
      return undefined;
    }
  });
  return { events, problems };
}

/** Whether an Anthropic Messages event carries generated text (for time to first token). */
export function isAnthropicToken(data) {
  try {
    return JSON.parse(data)?.delta?.type === 'text_delta';
  } catch {
    return false;
  }
}

/**
 * Problems with an Anthropic Messages stream and its text: every event JSON, no `error`
 * event, `message_start` first and `message_stop` last.
 */
export function anthropicStreamCheck(text) {
  const { events, problems } = jsonEvents(text);
  let content = '';
  for (const event of events) {
    if (event?.type === 'error') problems.push(`error event: ${JSON.stringify(event).slice(0, 200)}`);
    if (event?.delta?.type === 'text_delta') content += event.delta.text;
  }
  if (events[0]?.type !== 'message_start') problems.push('stream does not start with message_start');
  if (events.at(-1)?.type !== 'message_stop') problems.push('stream does not end with message_stop');
  return { problems, content };
}

/** Whether a Responses API event carries generated text (for time to first token). */
export function isResponsesToken(data) {
  try {
    return JSON.parse(data)?.type === 'response.output_text.delta';
  } catch {
    return false;
  }
}

/**
 * Problems with a Responses API stream and its text: every event JSON with consecutive
 * `sequence_number`s, `response.created` first and `response.completed` last, no `[DONE]`.
 */
export function responsesStreamCheck(text) {
  const { events, problems } = jsonEvents(text);
  let content = '';
  events.forEach((event, index) => {
    if (event?.sequence_number !== index)
      problems.push(`event ${index} has sequence_number ${event?.sequence_number}`);
    if (event?.type === 'response.output_text.delta') content += event.delta;
  });
  if (events[0]?.type !== 'response.created') problems.push('stream does not start with response.created');
  if (events.at(-1)?.type !== 'response.completed')
    problems.push('stream does not end with response.completed');
  return { problems: problems.slice(0, 3), content };
}
