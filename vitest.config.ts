import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// okrkit imports itself by its package name in tests and examples, as a user would; here
// the names resolve to the source (as tsconfig.json's `paths` do for tsc and tsx), so a
// fresh clone runs its tests without a build. Anchored, so `okrkit` never swallows
// `okrkit/csv`. Node's own resolver (require.resolve of okrkit/postgres.sql) is pointed at
// the source by test/package/self-reference.setup.ts.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const selfReference = [
  { find: /^okrkit\/csv$/, replacement: source('./src/csv/index.ts') },
  { find: /^okrkit\/report$/, replacement: source('./src/report/index.ts') },
  { find: /^okrkit\/xlsx$/, replacement: source('./src/xlsx/index.ts') },
  { find: /^okrkit$/, replacement: source('./src/index.ts') },
];

export default defineConfig({
  resolve: { alias: selfReference },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts', 'test/package/self-reference.setup.ts'],
    // CI machines are shared and sometimes slow: the heaviest tests (fuzzing, the real
    // process, the browser) take a few seconds there, so 5 s is too tight to be fair.
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
