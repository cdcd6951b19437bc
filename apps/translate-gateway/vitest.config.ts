import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests run the Worker inside workerd with its wrangler.jsonc bindings. Remote bindings are off:
// offline, the declared `ai` binding would try to log in to Cloudflare. Tests pass the
// simulator's binding object as `env.AI` instead.
export default defineConfig({
  // Generous: CI machines have 2 cores shared by several workerd test pools.
  test: { testTimeout: 30_000 },
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      remoteBindings: false,
      miniflare: { bindings: { GATEWAY_KEYS: 'test-key' }, compatibilityFlags: ['nodejs_compat'] },
    }),
  ],
});
