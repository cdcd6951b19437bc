import {
  type ClientSetting,
  type DashboardOptions,
  renderDashboard,
  renderModelOptions,
} from '@workers-ai-gateways/core';

// Streams a chat completion with fetch and a ReadableStream, appending each SSE delta as it
// arrives; keeps the conversation so that follow-up questions have context.
const CHAT_SCRIPT = `
const conversation = [];
async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\\r\\n/g, '\\n');
    let end;
    while ((end = buffer.indexOf('\\n\\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\\n');
      if (data && data !== '[DONE]') onEvent(JSON.parse(data));
    }
  }
}
$('chat-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('chat-input').value.trim();
  if (!text) return;
  $('chat-input').value = '';
  conversation.push({ role: 'user', content: text });
  $('chat-log').append(element('p', 'user', text));
  const reply = element('p', 'assistant pending');
  $('chat-log').append(reply);
  const button = $('chat-send');
  busy(button, true);
  let content = '';
  try {
    const response = await api('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: $('chat-model').value, messages: conversation, stream: true, stream_options: { include_usage: true } }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    await readEvents(response, (chunk) => {
      if (chunk.error) throw new Error(chunk.error.message || 'The stream failed');
      const delta = chunk.choices && chunk.choices[0] && chunk.choices[0].delta;
      if (delta && delta.content) {
        content += delta.content;
        reply.textContent = content;
      }
      if (chunk.usage) $('chat-meta').textContent = chunk.usage.prompt_tokens + ' prompt + ' + chunk.usage.completion_tokens + ' completion tokens (' + chunk.model + ')';
    });
    conversation.push({ role: 'assistant', content });
    reply.dataset.done = 'true';
  } catch (error) {
    conversation.pop();
    reply.className = 'assistant error';
    reply.textContent = (content ? content + '\\n' : '') + error.message;
  } finally {
    reply.classList.remove('pending');
    busy(button, false);
    afterSpending();
  }
});
`;

function chatSettings(options: DashboardOptions): ClientSetting[] {
  const { origin } = options;
  const models = options.models.map((model) => model.id).join(',');
  return [
    {
      title: 'OneAPI / new-api channel',
      note: 'Channels \u2192 Add: type OpenAI; the base URL has no /v1 (OneAPI adds it).',
      text: `Type:     OpenAI\nBase URL: ${origin}\nKey:      <your-key>\nModels:   ${models}`,
    },
    {
      title: 'Open WebUI / LobeChat',
      note: 'Open WebUI: Admin Settings \u2192 Connections \u2192 OpenAI API. LobeChat: environment variables, or Settings \u2192 Language Model \u2192 OpenAI \u2192 API proxy address.',
      text: `Open WebUI  URL: ${origin}/v1   Key: <your-key>\n\nLobeChat\nOPENAI_API_KEY=<your-key>\nOPENAI_PROXY_URL=${origin}/v1`,
    },
    {
      title: 'openai SDK (JavaScript)',
      text: `import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${origin}/v1', apiKey: '<your-key>' });\nconst stream = await client.chat.completions.create({\n  model: 'gpt-4o-mini',\n  messages: [{ role: 'user', content: 'Hello!' }],\n  stream: true,\n});\nfor await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');`,
    },
    {
      title: 'openai SDK (Python)',
      text: `from openai import OpenAI\n\nclient = OpenAI(base_url="${origin}/v1", api_key="<your-key>")\ncompletion = client.chat.completions.create(\n    model="gpt-4o-mini",\n    messages=[{"role": "user", "content": "Hello!"}],\n)\nprint(completion.choices[0].message.content)`,
    },
    {
      title: 'Codex CLI',
      note: '~/.codex/config.toml, then export WORKERS_AI_GATEWAY_KEY=<your-key>. Codex speaks the Responses API (/v1/responses).',
      text: `model = "gpt-4o"\nmodel_provider = "workers-ai"\n\n[model_providers.workers-ai]\nname = "Workers AI Gateway"\nbase_url = "${origin}/v1"\nenv_key = "WORKERS_AI_GATEWAY_KEY"\nwire_api = "responses"`,
    },
    {
      title: 'AI SDK (@ai-sdk/openai)',
      text: `import { createOpenAI } from '@ai-sdk/openai';\nimport { generateText } from 'ai';\n\nconst workersAi = createOpenAI({ baseURL: '${origin}/v1', apiKey: '<your-key>' });\nconst { text } = await generateText({ model: workersAi('gpt-4o-mini'), prompt: 'Hello!' });`,
    },
    {
      title: 'Claude Code',
      note: 'Claude model names map by family: Opus and Sonnet to the strongest free model, Haiku to the fast one. ANTHROPIC_MODEL pins any tools-capable chat model.',
      text: `export ANTHROPIC_BASE_URL=${origin}\nexport ANTHROPIC_AUTH_TOKEN=<your-key>\n# optional: export ANTHROPIC_MODEL=@cf/openai/gpt-oss-120b\nclaude`,
    },
    {
      title: 'Anthropic SDK (JavaScript)',
      text: `import Anthropic from '@anthropic-ai/sdk';\n\nconst claude = new Anthropic({ baseURL: '${origin}', apiKey: '<your-key>' });\nconst message = await claude.messages.create({\n  model: 'claude-sonnet-4-5',\n  max_tokens: 1024,\n  messages: [{ role: 'user', content: 'Hello!' }],\n});\nconsole.log(message.content);`,
    },
    {
      title: 'curl',
      text: `curl ${origin}/v1/chat/completions \\\n  -H 'Authorization: Bearer <your-key>' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hello!"}]}'`,
    },
  ];
}

/**
 * The chat gateway's home page: the shared dashboard with OneAPI / new-api, Open WebUI,
 * LobeChat, `openai` SDK and curl settings, and a streaming chat playground.
 */
export function renderChatDashboard(options: DashboardOptions): Promise<Response> {
  const playgroundHtml = `<form id="chat-form"><select id="chat-model" aria-label="Model">${renderModelOptions(options.models, 'gpt-4o-mini', 'text-generation')}</select>
<textarea id="chat-input" aria-label="Message" placeholder="Say hello\u2026"></textarea><button id="chat-send">Send</button> <small id="chat-meta"></small></form><div id="chat-log" class="log"></div>`;
  return renderDashboard({
    name: 'chat-gateway',
    description:
      'OpenAI-compatible chat, completions, embeddings and audio on Cloudflare Workers AI. Point any OpenAI client at /v1.',
    options,
    settings: chatSettings(options),
    playgroundHtml,
    playgroundScript: CHAT_SCRIPT,
  });
}
