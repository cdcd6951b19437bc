import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The simulator's tests run inside workerd so that streams, CompressionStream and Request behave as
// they do when the simulator serves `wrangler dev` or stands in for `env.AI` in the gateways' tests.
export default defineConfig({
  // Generous: CI machines have 2 cores shared by several workerd test pools.
  test: { testTimeout: 30_000 },
  plugins: [
    cloudflareTest({
      remoteBindings: false,
      miniflare: { compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'] },
    }),
  ],
});
