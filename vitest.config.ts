import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for something to become true (a page's first data, a delivery): up to 10 s, not vitest's 1 s,
    // which a page's first read exceeds on a loaded machine (load 15 on 2 cores made browser tests fail at random).
    expect: { poll: { timeout: 10_000 } },
    // Each file gets its own tables (random prefix) on the one shared Azurite, so files may run in parallel.
    fileParallelism: true,
    pool: 'forks',
  },
});
