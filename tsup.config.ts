import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { planJsonSchema } from './src/model/json-schema.js';

export default defineConfig({
  // The library, its two optional parts and the command; shared code goes into common chunks
  // (splitting in both formats), so an OkrkitError from okrkit/csv is the one okrkit exports.
  entry: { index: 'src/index.ts', csv: 'src/csv/index.ts', report: 'src/report/index.ts', xlsx: 'src/xlsx/index.ts', bin: 'src/cli/bin.ts', format: 'src/format/score.ts' },
  // `format` is not a public entry (package.json's exports leave it out): as an entry of its
  // own, the formatters and the messages they use get chunks apart from the schemas, so with
  // `sideEffects: false` a bundle of `import { formatScore } from 'okrkit'` has no zod and no
  // decimal.js (docs/performance.md, "Bundle size").
  // Dependencies stay external (tsup's default): exceljs is loaded only by okrkit/xlsx.
  external: ['exceljs'],
  splitting: true,
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'node20',
  // The plan's JSON Schema ships in the package and in docs/, generated from the zod schemas.
  async onSuccess() {
    const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/plan.schema.json', text);
    writeFileSync('docs/plan.schema.json', text);
    // The flat plan's tables for PostgreSQL ship as okrkit/postgres.sql (docs/database.md).
    copyFileSync('src/sql/postgres.sql', 'dist/postgres.sql');
  },
});
