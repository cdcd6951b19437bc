import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Core's tests run inside workerd so that streams, crypto and Request behave as in production.
export default defineConfig({
  plugins: [
    cloudflareTest({
      remoteBindings: false,
      miniflare: { compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'] },
    }),
  ],
});
