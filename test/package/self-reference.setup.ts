// The package's own files, read through Node's resolver (examples/hr-service reads
// `require.resolve('okrkit/postgres.sql')`, as a product would), resolve to the source
// in the tests, as `okrkit` itself does through vitest.config.ts's alias: a fresh clone
// runs its tests without a build. tsx does the same from tsconfig.json's `paths`.
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

const files: Readonly<Record<string, string>> = {
  'okrkit/postgres.sql': fileURLToPath(new URL('../../src/sql/postgres.sql', import.meta.url)),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return files[request] ?? resolve.call(this, request, ...rest);
};
