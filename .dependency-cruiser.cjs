// Layer rules for okrkit's source (docs/architecture.md): each layer imports only its
// own folder and the layers below it; the applications import only public entries.
const LAYERS = ['messages', '_lib', 'format', 'model', 'measure', 'time', 'evaluate', 'kpi|lint|carry-over|people|process'];
const above = (i) => LAYERS.slice(i + 1).join('|');

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Imports between modules never run in a loop.', from: {}, to: { circular: true } },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${layer.replace(/\W/g, '')}`,
      severity: 'error',
      comment: `src/${layer} imports nothing above it.`,
      from: { path: `^src/(${layer})/` },
      to: { path: `^src/((${above(i)})/|index\\.ts|kit\\.ts|cli/|csv/|report/|xlsx/)` },
    })),
    {
      name: 'features-below-entry',
      severity: 'error',
      comment: 'Features do not import the public entry or the applications.',
      from: { path: '^src/(kpi|lint|carry-over|people|process)/' },
      to: { path: '^src/(index\\.ts|kit\\.ts|cli/|csv/|report/|xlsx/)' },
    },
    {
      name: 'entry-below-applications',
      severity: 'error',
      comment: 'The public entry and the kit do not import the applications.',
      from: { path: '^src/(index|kit)\\.ts$' },
      to: { path: '^src/(cli|csv|report|xlsx)/' },
    },
    {
      name: 'applications-use-public-entries',
      severity: 'error',
      comment:
        'The CLI, CSV, report and workbook parts import okrkit through its public entries (and each other’s); below them only the two bottom layers: the messages their own errors use, and pure helpers.',
      from: { path: '^src/(cli|csv|report|xlsx)/' },
      to: { path: '^src/', pathNot: '^src/(index\\.ts|cli/|csv/|report/|xlsx/|messages/|_lib/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench|examples|dist)/' },
  },
};
