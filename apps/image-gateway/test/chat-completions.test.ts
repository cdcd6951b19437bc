import { beforeEach, describe, expect, it } from 'vitest';
import { authorized, call, fetchImage, imageSize, openAiClient, sha256Hex, simulator } from './helpers';

const SDXL = '@cf/stabilityai/stable-diffusion-xl-base-1.0';
const MARKDOWN_IMAGE = /^!\[(.*)\]\((https:\/\/image\.test\/images\/[^)]+)\)$/;
const client = openAiClient();

beforeEach(() => simulator.reset());

async function expectImageLink(content: string | null | undefined, alt: string) {
  const match = MARKDOWN_IMAGE.exec(content ?? '');
  expect(match, content ?? '').not.toBeNull();
  expect(match?.[1]).toBe(alt);
  const url = match?.[2] ?? '';
  const response = await fetchImage(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(url).toContain(await sha256Hex(bytes));
  return imageSize(bytes);
}

/** Reads a raw SSE body into its `data:` payloads. */
async function readEvents(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

describe('POST /v1/chat/completions', () => {
  it("answers the guide's own request with a usable image link", async () => {
    const response = await call('/v1/chat/completions', {
      method: 'POST',
      headers: { ...authorized, 'content-type': 'application/json' },
      body: JSON.stringify({ model: SDXL, messages: [{ role: 'user', content: 'cat' }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(await expectImageLink(body.choices[0]?.message.content, 'cat')).toEqual({
      type: 'png',
      width: 1024,
      height: 1024,
    });
  });

  it('returns a chat completion through the openai SDK', async () => {
    const completion = await client.chat.completions.create({
      model: SDXL,
      messages: [
        { role: 'system', content: 'You draw.' },
        { role: 'user', content: 'an old request' },
        { role: 'assistant', content: 'done' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a green' },
            { type: 'text', text: '[frog]' },
          ],
        },
      ],
    });
    expect(completion).toMatchObject({ object: 'chat.completion', model: SDXL });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    await expectImageLink(completion.choices[0]?.message.content, 'a green \\[frog\\]');
    expect(simulator.calls[0]?.inputs).toMatchObject({ prompt: 'a green\n[frog]' });
  });

  it('streams role, content, finish, usage and [DONE] with one id, created and model', async () => {
    const stream = await client.chat.completions.create({
      model: 'dall-e-2',
      messages: [{ role: 'user', content: 'a streamed owl' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(4);
    const [role, content, finish, usage] = chunks;
    expect(role?.choices[0]?.delta.role).toBe('assistant');
    expect(finish?.choices[0]?.finish_reason).toBe('stop');
    expect(usage?.choices).toEqual([]);
    expect(usage?.usage?.total_tokens).toBeGreaterThan(0);
    expect(new Set(chunks.map((chunk) => `${chunk.id}|${chunk.created}|${chunk.model}`)).size).toBe(1);
    expect(role?.model).toBe('@cf/bytedance/stable-diffusion-xl-lightning');
    await expectImageLink(content?.choices[0]?.delta.content, 'a streamed owl');
  });

  it('ends a raw stream with [DONE] and no usage chunk unless asked', async () => {
    const response = await call('/v1/chat/completions', {
      method: 'POST',
      headers: { ...authorized, 'content-type': 'application/json' },
      body: JSON.stringify({ model: SDXL, stream: true, messages: [{ role: 'user', content: 'cat' }] }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEvents(response);
    expect(events).toHaveLength(4);
    expect(events.at(-1)).toBe('[DONE]');
    expect(events.slice(0, 3).map((event) => JSON.parse(event).choices.length)).toEqual([1, 1, 1]);
  });

  it('reports a failure after the stream started as an error event, then [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: SDXL,
      messages: [{ role: 'user', content: 'a [[nsfw]] thing' }],
      stream: true,
    });
    const received: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of stream) received.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ message: expect.stringContaining('safety system') });

    const response = await call('/v1/chat/completions', {
      method: 'POST',
      headers: { ...authorized, 'content-type': 'application/json' },
      body: JSON.stringify({ model: SDXL, stream: true, messages: [{ role: 'user', content: '[[nsfw]]' }] }),
    });
    const events = await readEvents(response);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2) ?? '{}')).toMatchObject({ error: { code: 'content_policy_violation' } });
  });

  it('answers errors before streaming in the OpenAI envelope with their status', async () => {
    const notImage = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true })
      .catch((error: unknown) => error);
    expect(notImage).toMatchObject({ status: 400, param: 'model' });
    const onlyPicture = await client.chat.completions
      .create({
        model: SDXL,
        messages: [
          { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
        ],
      })
      .catch((error: unknown) => error);
    expect(onlyPicture).toMatchObject({ status: 400, param: 'messages' });
    const noMessages = await client.chat.completions
      .create({ model: SDXL, messages: [] })
      .catch((error: unknown) => error);
    expect(noMessages).toMatchObject({ status: 400, param: 'messages' });
    const policy = await client.chat.completions
      .create({ model: SDXL, messages: [{ role: 'user', content: '[[nsfw]]' }] })
      .catch((error: unknown) => error);
    expect(policy).toMatchObject({ status: 400, code: 'content_policy_violation' });
    // The guide lists the SD 1.5 edit models among its chat models; they need an upload.
    const editModel = await client.chat.completions
      .create({
        model: '@cf/runwayml/stable-diffusion-v1-5-img2img',
        messages: [{ role: 'user', content: 'x' }],
      })
      .catch((error: unknown) => error);
    expect(editModel).toMatchObject({ status: 400, param: 'model' });
    expect(simulator.calls.map((entry) => entry.model)).toEqual([SDXL]);
  });

  it('ignores image_url parts next to text and never fetches them', async () => {
    const completion = await client.chat.completions.create({
      model: SDXL,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
            { type: 'text', text: 'a bird' },
          ],
        },
      ],
    });
    await expectImageLink(completion.choices[0]?.message.content, 'a bird');
  });

  it('logs the neurons of a streamed reply once its image is made', async () => {
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      const stream = await client.chat.completions.create({
        model: 'dall-e-3',
        messages: [{ role: 'user', content: 'a logged fox' }],
        stream: true,
      });
      for await (const _ of stream) {
        // drain
      }
    } finally {
      console.log = original;
    }
    const ended = lines.map((line) => JSON.parse(line)).find((entry) => entry.event === 'stream_end');
    // flux-1-schnell: 4 tiles × 4.8 + 4 steps × 9.6.
    expect(ended).toMatchObject({ model: '@cf/black-forest-labs/flux-1-schnell', neurons: 57.6 });
    expect(lines.join('\n')).not.toContain('logged fox');
  });
});
