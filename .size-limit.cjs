// okrkit's bundle-size budgets (npm run size; docs/performance.md, "Bundle size", has the table).
// Each budget is what an application's bundle gets for the import, minified and brotli'd,
// with zod counted: size-limit leaves a package's peer dependencies out of every bundle, but
// every user of okrkit bundles zod with it, so `countZod` takes zod back off the externals.
// A limit is the measured size plus about 3 %; after a deliberate change, measure again
// (npx size-limit) and update the limit and docs/performance.md together.

/** Bundles zod (and its subpaths, such as zod/v4) instead of leaving it out as a peer dependency. */
const countZod = (config) => ({ ...config, external: (config.external ?? []).filter((name) => name !== 'zod') });

const check = (name, path, imported, limit, ignore = []) => ({ name, path, import: imported, limit, ignore, modifyEsbuildConfig: countZod });

module.exports = [
  check('whole entry (ESM), with zod', 'dist/index.js', '*', '98.6 kB'),
  check('parsePlan only, with zod', 'dist/index.js', '{ parsePlan }', '55.9 kB'),
  check('evaluate only, with zod', 'dist/index.js', '{ evaluate }', '69.3 kB'),
  check('evaluateColumns only, with zod', 'dist/index.js', '{ evaluateColumns }', '69.1 kB'),
  check('formatScore only (no zod, no decimal.js)', 'dist/index.js', '{ formatScore }', '9.9 kB'),
  check('okrkit/csv, with zod, csv-parse and csv-stringify (iconv-lite, for Node only, not counted)', 'dist/csv.js', '*', '66.2 kB', ['iconv-lite']),
  check('okrkit/report, with zod', 'dist/report.js', '*', '100.7 kB'),
  check('okrkit/xlsx, with zod (exceljs and Node’s zlib, path and crypto not counted)', 'dist/xlsx.js', '*', '85.3 kB', ['exceljs', 'zlib', 'path', 'crypto']),
];
