export {};
const { evaluateColumns } = await import('../src/index.js');
const { generateOrg } = await import('./generate.js');
const { plainRollup } = await import('./baseline.js');
const plan = generateOrg({ keyResults: 200_000 });
const ts: number[] = []; const bs: number[] = [];
for (let r = 0; r < 9; r++) { let t = performance.now(); plainRollup(plan, '2026-08-31'); bs.push(performance.now() - t); t = performance.now(); evaluateColumns(plan, { asOf: '2026-08-31' }); ts.push(performance.now() - t); }
ts.sort((a, b) => a - b); bs.sort((a, b) => a - b);
console.log('plain', bs[4]!.toFixed(0), 'columns', ts[4]!.toFixed(0), 'ratio', (ts[4]! / bs[4]!).toFixed(2));
