import type { DashboardOptions } from '@workers-ai-gateways/core';
import { dashboardSettingsText, expectSelfContainedPage } from '@workers-ai-gateways/core/testing';
import { describe, expect, it } from 'vitest';
import { renderTranslateDashboard } from './render-translate-dashboard';

const origin = 'https://translate.example.workers.dev';
const options: DashboardOptions = {
  origin,
  upstreamMode: 'binding',
  models: [{ id: '@cf/meta/m2m100-1.2b', task: 'translation' }],
  anonymous: false,
};

describe('renderTranslateDashboard', () => {
  it('allows exactly its own inline script and style by hash, nothing from elsewhere', async () => {
    await expectSelfContainedPage(await renderTranslateDashboard(options));
  });

  it('gives the translate clients their DeepLX, DeepL and Immersive URLs', async () => {
    const settings = dashboardSettingsText(await (await renderTranslateDashboard(options)).text());
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
});
