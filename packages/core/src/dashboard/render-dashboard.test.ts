import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../encoding/encode-base64';
import type { DashboardOptions } from './dashboard-types';
import { renderChatDashboard } from './render-chat-dashboard';
import { renderImageDashboard } from './render-image-dashboard';
import { renderTranslateDashboard } from './render-translate-dashboard';

const options: DashboardOptions = {
  origin: 'https://chat.example.workers.dev',
  upstreamMode: 'binding',
  models: [
    { id: '@cf/meta/llama-3.1-8b-instruct-fast', task: 'text-generation' },
    { id: 'gpt-4o-mini', alias_for: '@cf/meta/llama-3.1-8b-instruct-fast', task: 'text-generation' },
    { id: '@cf/baai/bge-base-en-v1.5', task: 'text-embeddings' },
  ],
  anonymous: false,
};

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${encodeBase64(new Uint8Array(digest))}'`;
}

// What a user copies: the decoded text of every settings block.
function settingsText(html: string): string {
  return [...html.matchAll(/<pre id="setting-\d+">([\s\S]*?)<\/pre>/g)]
    .map((match) => match[1] ?? '')
    .join('\n')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

function directive(policy: string, name: string): string {
  const found = policy.split(';').find((part) => part.trim().startsWith(`${name} `));
  return found?.trim().slice(name.length + 1) ?? '';
}

describe('gateway dashboards', () => {
  for (const [name, render] of [
    ['chat', renderChatDashboard],
    ['image', renderImageDashboard],
    ['translate', renderTranslateDashboard],
  ] as const) {
    it(`${name}: allows exactly its own inline script and style by hash, nothing from elsewhere`, async () => {
      const response = await render(options);
      const html = await response.text();
      const policy = response.headers.get('content-security-policy') ?? '';
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
      expect(scripts).toHaveLength(1);
      expect(styles).toHaveLength(1);
      expect(directive(policy, 'script-src')).toBe(await sha256(scripts[0] ?? ''));
      expect(directive(policy, 'style-src')).toBe(await sha256(styles[0] ?? ''));
      expect(directive(policy, 'default-src')).toBe("'none'");
      expect(directive(policy, 'connect-src')).toBe("'self'");
      expect(policy).not.toContain('unsafe');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('vary')).toBe('Accept');
      // No external resource of any kind.
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    });
  }

  it('escapes every interpolated value, so a hostile alias cannot inject markup', async () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const response = await renderChatDashboard({
      ...options,
      models: [{ id: hostile, alias_for: '</script><script>alert(2)</script>', task: 'text-generation' }],
    });
    const html = await response.text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('fills the gateway URL into every chat client setting and offers only chat models to the playground', async () => {
    const html = await (await renderChatDashboard(options)).text();
    const settings = settingsText(html);
    expect(settings).toContain('Type:     OpenAI\nBase URL: https://chat.example.workers.dev\n');
    expect(settings).toContain('Models:   @cf/meta/llama-3.1-8b-instruct-fast,gpt-4o-mini,');
    expect(settings).toContain('OPENAI_PROXY_URL=https://chat.example.workers.dev/v1');
    expect(settings).toContain("baseURL: 'https://chat.example.workers.dev/v1'");
    expect(settings).toContain('base_url="https://chat.example.workers.dev/v1"');
    expect(settings).toContain('curl https://chat.example.workers.dev/v1/chat/completions');
    expect(html).toContain('<option value="gpt-4o-mini" selected>');
    expect(html).not.toContain('<option value="@cf/baai/bge-base-en-v1.5"');
    expect(html).toContain('<code>@cf/baai/bge-base-en-v1.5</code>');
  });

  it('gives the translate clients their DeepLX, DeepL and Immersive URLs', async () => {
    const origin = 'https://translate.example.workers.dev';
    const settings = settingsText(await (await renderTranslateDashboard({ ...options, origin })).text());
    expect(settings).toContain(`${origin}/translate?token=<your-key>`);
    const deeplBlock = /\{\n {2}"translationServices"[\s\S]*?\n\}/.exec(settings)?.[0] ?? '';
    expect(JSON.parse(deeplBlock)).toEqual({
      translationServices: {
        deepl: {
          authKey: '<your-key>',
          freeApiUrl: `${origin}/v2/translate`,
          proApiUrl: `${origin}/v2/translate`,
          provider: 'custom',
        },
      },
    });
    expect(settings).toContain(`${origin}/imme?token=<your-key>`);
    expect(settings).toContain(`URL:   ${origin}/translate\nToken: <your-key>`);
    expect(settings).toContain(`serverUrl: '${origin}'`);
  });

  it('lets the image page load images from PUBLIC_IMAGE_BASE_URL and nowhere else', async () => {
    const plain = await renderImageDashboard(options);
    expect(directive(plain.headers.get('content-security-policy') ?? '', 'img-src')).toBe("'self' data:");
    const custom = await renderImageDashboard({
      ...options,
      imageBaseUrl: 'https://img.example.com/gallery',
    });
    expect(directive(custom.headers.get('content-security-policy') ?? '', 'img-src')).toBe(
      "'self' data: https://img.example.com",
    );
  });

  it('tells a passthrough user that the key is their Cloudflare token', async () => {
    const html = await (await renderChatDashboard({ ...options, upstreamMode: 'passthrough' })).text();
    expect(html).toContain('Your Cloudflare API token');
    expect(html).not.toContain('localStorage if remembered');
  });
});
