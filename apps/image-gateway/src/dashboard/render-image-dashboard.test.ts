import type { DashboardOptions } from '@workers-ai-gateways/core';
import { cspDirective, expectSelfContainedPage } from '@workers-ai-gateways/core/testing';
import { describe, expect, it } from 'vitest';
import { renderImageDashboard } from './render-image-dashboard';

const options: DashboardOptions = {
  origin: 'https://image.example.workers.dev',
  upstreamMode: 'binding',
  models: [{ id: '@cf/black-forest-labs/flux-1-schnell', task: 'text-to-image' }],
  anonymous: false,
};

describe('renderImageDashboard', () => {
  it('allows exactly its own inline script and style by hash, nothing from elsewhere', async () => {
    await expectSelfContainedPage(await renderImageDashboard(options));
  });

  it('lets the image page load images from PUBLIC_IMAGE_BASE_URL and nowhere else', async () => {
    const plain = await renderImageDashboard(options);
    expect(cspDirective(plain.headers.get('content-security-policy') ?? '', 'img-src')).toBe("'self' data:");
    const custom = await renderImageDashboard({
      ...options,
      imageBaseUrl: 'https://img.example.com/gallery',
    });
    expect(cspDirective(custom.headers.get('content-security-policy') ?? '', 'img-src')).toBe(
      "'self' data: https://img.example.com",
    );
  });
});
