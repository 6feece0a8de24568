import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // CI machines are shared and sometimes slow: the heaviest tests (fuzzing, the real
    // process, the browser) take a few seconds there, so 5 s is too tight to be fair.
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
