import { describe, expect, it } from 'vitest';
import { cspDirective } from '../testing/csp-directive';
import { dashboardSettingsText } from '../testing/dashboard-settings-text';
import { expectSelfContainedPage } from '../testing/expect-self-contained-page';
import type { DashboardOptions, DashboardPage } from './dashboard-types';
import { renderDashboard } from './render-dashboard';
import { renderModelOptions } from './render-model-options';

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

// A page as a gateway describes it; each gateway's own page is tested in its app.
function page(pageOptions: DashboardOptions): DashboardPage {
  return {
    name: 'test-gateway',
    description: 'A gateway under test.',
    options: pageOptions,
    settings: [
      { title: 'curl', text: `curl ${pageOptions.origin}/v1/models -H 'Authorization: Bearer <key>'` },
    ],
    playgroundHtml: `<form id="test-form"><select id="test-model">${renderModelOptions(pageOptions.models, 'gpt-4o-mini', 'text-generation')}</select></form>`,
    playgroundScript: "$('test-form');",
  };
}

describe('renderDashboard (the page frame every gateway shares)', () => {
  it('allows exactly its own inline script and style by hash, nothing from elsewhere', async () => {
    await expectSelfContainedPage(await renderDashboard(page(options)));
  });

  it('escapes every interpolated value, so a hostile alias cannot inject markup', async () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const response = await renderDashboard(
      page({
        ...options,
        models: [{ id: hostile, alias_for: '</script><script>alert(2)</script>', task: 'text-generation' }],
      }),
    );
    const html = await response.text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('shows the settings with the gateway URL and offers the playground only its task', async () => {
    const html = await (await renderDashboard(page(options))).text();
    expect(dashboardSettingsText(html)).toBe(
      "curl https://chat.example.workers.dev/v1/models -H 'Authorization: Bearer <key>'",
    );
    expect(html).toContain('<option value="gpt-4o-mini" selected>');
    expect(html).not.toContain('<option value="@cf/baai/bge-base-en-v1.5"');
    expect(html).toContain('<code>@cf/baai/bge-base-en-v1.5</code>');
  });

  it('lets the page load images from imageBaseUrl and nowhere else', async () => {
    const plain = await renderDashboard(page(options));
    expect(cspDirective(plain.headers.get('content-security-policy') ?? '', 'img-src')).toBe("'self' data:");
    const custom = await renderDashboard(
      page({ ...options, imageBaseUrl: 'https://img.example.com/gallery' }),
    );
    expect(cspDirective(custom.headers.get('content-security-policy') ?? '', 'img-src')).toBe(
      "'self' data: https://img.example.com",
    );
  });

  it('tells a passthrough user that the key is their Cloudflare token', async () => {
    const html = await (await renderDashboard(page({ ...options, upstreamMode: 'passthrough' }))).text();
    expect(html).toContain('Your Cloudflare API token');
    expect(html).not.toContain('localStorage if remembered');
  });
});
