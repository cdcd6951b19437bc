import {
  type ClientSetting,
  type DashboardOptions,
  renderDashboard,
  renderModelOptions,
} from '@workers-ai-gateways/core';

// Generates one image and shows it from the URL the gateway answers with (its own /images/ or
// PUBLIC_IMAGE_BASE_URL); only http(s) URLs are shown.
const IMAGE_SCRIPT = `
$('image-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const prompt = $('image-prompt').value.trim();
  if (!prompt) return;
  const button = $('image-send');
  const status = $('image-status');
  busy(button, true);
  status.className = 'hint';
  status.textContent = 'Generating\\u2026';
  try {
    const response = await api('/v1/images/generations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: $('image-model').value, prompt, size: $('image-size').value, response_format: 'url' }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    const body = await response.json();
    const url = new URL(String(body.data && body.data[0] && body.data[0].url), location.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The gateway answered without an image URL.');
    const image = $('image-result');
    image.alt = prompt;
    image.src = url.href;
    image.hidden = false;
    const link = element('a', '', url.href);
    link.href = url.href;
    link.target = '_blank';
    link.rel = 'noopener';
    status.replaceChildren(link);
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  } finally {
    busy(button, false);
    afterSpending();
  }
});
`;

const SIZES = ['512x512', '768x768', '1024x1024', '1024x768', '768x1024'];

function imageSettings(options: DashboardOptions): ClientSetting[] {
  const { origin } = options;
  const models = options.models.map((model) => model.id).join(',');
  return [
    {
      title: 'OneAPI / new-api image channel',
      note: 'Channels \u2192 Add: type OpenAI. Image requests (/v1/images/generations) and chat requests to these models both work; chat answers carry a markdown image.',
      text: `Type:     OpenAI\nBase URL: ${origin}\nKey:      <your-key>\nModels:   ${models}`,
    },
    {
      title: 'openai SDK (JavaScript)',
      text: `import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: '${origin}/v1', apiKey: '<your-key>' });\nconst result = await client.images.generate({ model: 'dall-e-3', prompt: 'a lighthouse at dawn', size: '1024x1024' });\nconsole.log(result.data[0].url);`,
    },
    {
      title: 'openai SDK (Python)',
      text: `from openai import OpenAI\n\nclient = OpenAI(base_url="${origin}/v1", api_key="<your-key>")\nresult = client.images.generate(model="dall-e-3", prompt="a lighthouse at dawn", size="1024x1024")\nprint(result.data[0].url)`,
    },
    {
      title: 'curl',
      text: `curl ${origin}/v1/images/generations \\\n  -H 'Authorization: Bearer <your-key>' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"model":"dall-e-3","prompt":"a lighthouse at dawn","size":"1024x1024"}'`,
    },
  ];
}

/**
 * The image gateway's home page: the shared dashboard with OneAPI, `openai` SDK and curl
 * settings, and a playground that generates an image and shows it from its hosted URL.
 */
export function renderImageDashboard(options: DashboardOptions): Promise<Response> {
  const sizes = SIZES.map((size) => `<option>${size}</option>`).join('');
  const playgroundHtml = `<form id="image-form"><select id="image-model" aria-label="Model">${renderModelOptions(options.models, 'dall-e-3', 'text-to-image')}</select><select id="image-size" aria-label="Size">${sizes}</select>
<textarea id="image-prompt" aria-label="Prompt" placeholder="A lighthouse at dawn, watercolour\u2026"></textarea><button id="image-send">Generate</button></form>
<p id="image-status" class="hint"></p><img id="image-result" alt="" hidden>`;
  return renderDashboard({
    name: 'image-gateway',
    description:
      'OpenAI-compatible image generation on Cloudflare Workers AI, with every image hosted in R2 at a public, unguessable URL.',
    options,
    settings: imageSettings(options),
    playgroundHtml,
    playgroundScript: IMAGE_SCRIPT,
  });
}
