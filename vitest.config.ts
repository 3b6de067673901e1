import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own tables (random prefix) on the one shared Azurite, so files may run in parallel.
    fileParallelism: true,
    pool: 'forks',
  },
});
